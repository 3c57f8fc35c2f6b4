package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.examples.store.StoreOption;
import io.openchannel.examples.terminal.ColorOption;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openchannel-examples demo}: one customer conversation from first message to "Close &amp;
 * Dispose", with delivery and the channels' messaging windows, then routing through queues
 * (offers, rejects, ring-all, timeouts), narrated step by step, on an in-memory engine. Read the
 * classes of this package in the order {@link #call()} uses them; they double as sample code.
 */
@Command(
    name = "demo",
    description = {
      "A narrated open-channel session, from first message to Close & Dispose.",
      "%nA customer writes on Messenger; an agent answers, adds a note, tags and closes;"
          + " the platform delivers or refuses each message; the channels' messaging windows"
          + " close. Then queues offer new interactions to agents, who reject or accept them;"
          + " in a ring-all queue the first accept wins. Finally the interactions view, filtered"
          + " and searched; last, two engines on one database route together and one takes over"
          + " when the other dies. Every event is shown as it happens."
          + " The engine keeps its state in a new H2 database file in a temporary folder"
          + " (deleted at the end) and restarts on it at the end to show that nothing was lost;"
          + " it runs on a demo clock, with fake platforms: nothing leaves this process, and"
          + " every run prints the same.",
      "%n--store memory keeps the state in memory; --jdbc-url URL keeps it in that database,"
          + " which must not hold the demo's accounts yet."
    })
public final class DemoCommand implements Callable<Integer> {
  /** When the demo's clock starts: a Monday morning, UTC. */
  static final Instant START = Instant.parse("2025-06-02T09:00:00Z");

  @Spec
  private CommandSpec spec;

  @Mixin
  private ColorOption color;

  @Mixin
  private StoreOption storeOption;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the PDF transcript (default: openchannel-demo-transcript.pdf"
          + " in the system's temporary directory).")
  private Path transcriptOut;

  @Override
  public Integer call() {
    Narrator say = new Narrator(spec.commandLine().getOut(), color.style());
    say.title("openchannel demo", "One conversation on the \"open channel\" side of a contact"
        + " center, then channel rules and routing.");
    DemoClock clock = new DemoClock(START);
    Platforms platforms = Platforms.scripted();
    Dispositions dispositions = ContactCenter.dispositions();
    EventEcho events = new EventEcho(say, dispositions);
    try (DemoStore demoStore = DemoStore.open(storeOption)) {
      InteractionId mias = tour(demoStore.store(), clock, platforms, dispositions, events, say);
      new RestartScene(demoStore, clock, platforms, dispositions, say).run(mias);
      // Its own clock: the engines of the tour are closed, and a clock drives whoever is on it.
      new TwoEnginesScene(new DemoClock(clock.instant()), platforms, say, events).run();
    }
    say.blank();
    say.say("The code behind this demo is in io.openchannel.examples.demo; start with DemoCommand.");
    say.flush();
    return 0;
  }

  private InteractionId tour(Store store, DemoClock clock, Platforms platforms,
      Dispositions dispositions, EventEcho events, Narrator say) {
    try (OpenChannel oc = ContactCenter.open(store, clock, platforms, dispositions, events)) {
      new Setup(oc, say).run("Mon 2 Jun 2025, 09:00 UTC");
      InteractionId mias = new CustomerSession(oc, clock, platforms, say).run();
      Report report = new Report(oc, say);
      report.messages(mias);
      report.viewLine(mias);
      new ReplyDisabledScene(oc, clock, say).run();
      new MessengerWindowScene(oc, clock, platforms, say).run();
      new WhatsAppTemplateScene(oc, clock, say).run();
      new LinearQueueScene(oc, clock, say).run();
      new RingAllScene(oc, clock, say, events).run();
      new OfferTimeoutScene(oc, clock, say).run();
      new JourneyTranscriptScene(oc, clock, say,
          transcriptOut != null ? transcriptOut : JourneyTranscriptScene.defaultOutput()).run(mias);
      new InteractionsViewScene(oc, say).run();
      report.eventCounts(events.counts());
      return mias;
    }
  }
}
