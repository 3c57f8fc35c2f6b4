package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.ReceiveResult;
import io.openchannel.ReplyDisabledException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;

/**
 * Step 11: on an account without a Reply URL customers can write, but agents cannot answer (S25).
 */
final class ReplyDisabledScene {
  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  ReplyDisabledScene(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  void run() {
    clock.advance(Duration.ofMinutes(2));
    say.section("An account without a Reply URL", "desk.sendText → ReplyDisabledException");
    String text = "Is my parcel on its way? 📦";
    say.action(now() + "  Leo Martin texts the SMS alerts number: " + Narrator.quote(text, 40));
    ReceiveResult leo = oc.receive(ContactCenter.SMS, InboundMessage.text("SM-leo-0001",
        SenderProfile.of("+15550100", "Leo", "Martin"), text, clock.instant()));
    InteractionId interaction = leo.interaction().id();
    say.say("No auto-reply: without a Reply URL nothing can be sent, auto-replies included.");
    clock.advance(Duration.ofSeconds(20));
    say.action(now() + "  The host assigns the interaction to Ann.");
    oc.assign(interaction, ContactCenter.ANN);

    AgentDesk ann = oc.desk(ContactCenter.ANN);
    clock.advance(Duration.ofSeconds(40));
    say.action(now() + "  Ann tries to answer:");
    try {
      ann.sendText(interaction, "Yes, it left our warehouse this morning!");
      throw new IllegalStateException("the engine accepted a reply on an account without Reply URL");
    } catch (ReplyDisabledException e) {
      say.refused(e.getClass().getSimpleName(), e.getMessage());
    }
    say.say("Nothing was stored. Ann closes the interaction without a disposition.");
    ann.close(interaction);
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
