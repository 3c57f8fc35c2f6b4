package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;

/**
 * The opening the channel-rules scenes share: a new customer writes, the host assigns the
 * interaction to Ann, and she answers at once.
 */
final class FirstContact {
  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  FirstContact(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  /** Runs the opening (it takes 30 seconds) and returns the new interaction. */
  InteractionId start(AccountId account, SenderProfile customer, String messageId, String text,
      String answer) {
    String name = customer.firstName().orElse("") + " " + customer.lastName().orElse("");
    String channel = oc.accounts().get(account).type().displayName();
    say.action(now() + "  " + name + " writes on " + channel + ": " + Narrator.quote(text, 60));
    InteractionId interaction = oc.receive(account,
        InboundMessage.text(messageId, customer, text, clock.instant())).interaction().id();
    clock.settle(); // the dispatcher sends the auto-reply, if the account has one

    clock.advance(Duration.ofSeconds(30));
    say.action(now() + "  The host assigns the interaction to Ann, who answers at once:");
    oc.assign(interaction, ContactCenter.ANN);
    oc.desk(ContactCenter.ANN).sendText(interaction, answer);
    clock.settle();
    return interaction;
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
