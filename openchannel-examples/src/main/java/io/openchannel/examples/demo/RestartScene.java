package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;

/**
 * The last step: the engine stops, and a new one starts on the same store, as after a deploy. Mia's
 * interaction, its messages and its disposition are read back from the store, not from memory.
 */
final class RestartScene {
  private final DemoStore store;
  private final DemoClock clock;
  private final Platforms platforms;
  private final Dispositions dispositions;
  private final Narrator say;

  RestartScene(DemoStore store, DemoClock clock, Platforms platforms, Dispositions dispositions,
      Narrator say) {
    this.store = store;
    this.clock = clock;
    this.platforms = platforms;
    this.dispositions = dispositions;
    this.say = say;
  }

  void run(InteractionId mias) {
    EventListener quiet = event -> { };
    // A new process has a clock of its own; it reads the same time.
    DemoClock later = new DemoClock(clock.instant());
    try (OpenChannel restarted = ContactCenter.open(store.store(), later, platforms, dispositions,
        quiet)) {
      say.section("A restart", "OpenChannel.builder().store(JdbcStore.builder(dataSource).build())");
      say.say("The engine above is closed; a new one starts on the same store (" + store.where()
          + "), as after a deploy, and reads Mia's interaction back:");
      say.blank();
      Interaction i = restarted.interactions().get(mias);
      say.field("messages", String.valueOf(restarted.interactions().messages(mias).size()));
      say.field("status", i.status().toString());
      say.field("disposition", i.disposition().map(d -> restarted.dispositions().path(d))
          .orElse("none"));
      say.field("accounts", String.valueOf(restarted.accounts().list().size()));
    }
  }
}
