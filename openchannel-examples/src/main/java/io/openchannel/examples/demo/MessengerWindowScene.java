package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.SendNotAllowedException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.policy.SendDecision;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;

/**
 * Step 12: Messenger lets a business answer only within 24 hours of the customer's last message
 * (S20). The host asks {@code oc.canSend} to enable or grey the agent's text area; the send path
 * enforces the same rule whatever the UI does.
 */
final class MessengerWindowScene {
  private static final SenderProfile NOAH = SenderProfile.of("psid-noah-5120", "Noah", "Kim");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Platforms platforms;
  private final Narrator say;

  MessengerWindowScene(OpenChannel oc, DemoClock clock, Platforms platforms, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.platforms = platforms;
    this.say = say;
  }

  void run() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Messenger's 24-hour window", "oc.canSend(interaction) → SendDecision");
    InteractionId noah = new FirstContact(oc, clock, say).start(ContactCenter.MESSENGER, NOAH,
        "m_noah_0001", "Do you ship to Canada?",
        "Yes, in 5 to 7 working days. Which size would you like?");
    say.say("Before Ann types, the host asks whether she may write, to enable or grey her text"
        + " area (S20):");
    say.field("oc.canSend", DecisionLine.of(oc.canSend(noah), "Noah"));

    int stored = oc.interactions().messages(noah).size();
    int accepted = platforms.messenger().sent().size();
    clock.advance(Duration.ofHours(24));
    say.action(now() + "  Noah has not answered. A day later Ann wants to follow up:");
    SendDecision closed = oc.canSend(noah);
    say.field("oc.canSend", DecisionLine.of(closed, "Noah") + " (message below)");
    String followUp = "Hi Noah, did you find your size?";
    say.action(now() + "  Ann sends " + Narrator.quote(followUp, 40) + " all the same:");
    try {
      oc.desk(ContactCenter.ANN).sendText(noah, followUp);
      throw new IllegalStateException("Messenger's window closed, yet the engine took the message");
    } catch (SendNotAllowedException e) {
      say.refused(e.getClass().getSimpleName(), e.getMessage());
      if (closed instanceof SendDecision.Denied denied
          && !denied.message().equals(e.getMessage())) {
        say.say("(canSend's message differs: " + denied.message() + ")");
      }
    }
    if (oc.interactions().messages(noah).size() != stored
        || platforms.messenger().sent().size() != accepted) {
      throw new IllegalStateException("a refused message was stored or sent");
    }
    say.say("The send path applies the rules itself, whatever the UI shows. Nothing was stored:"
        + " the interaction still holds " + stored + " messages, and Messenger received nothing"
        + " (its fake's sent() still counts " + accepted + ").");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
