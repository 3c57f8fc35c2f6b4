package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;
import java.time.Instant;

/**
 * Step 16: an offer nobody answers times out after the queue's offer timeout and passes to the
 * next agent. The engine's timer runs on the demo's scheduler when the demo moves the clock.
 */
final class OfferTimeoutScene {
  private static final SenderProfile EVA = SenderProfile.of("15550176543", "Eva", "Jones");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  OfferTimeoutScene(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  void run() {
    clock.advance(Duration.ofMinutes(2));
    say.section("An offer nobody answers", "Queue.offerTimeout(), on the engine's scheduler");
    String text = "Do you have the blue sandals in size 40?";
    say.action(now() + "  Eva Jones writes on WhatsApp: " + Narrator.quote(text, 60));
    oc.receive(ContactCenter.ORDERS_LINE,
        InboundMessage.text("wamid.eva-0001", EVA, text, clock.instant()));
    Instant expiry = LinearQueueScene.only(oc.routing().pendingOffers(ContactCenter.BEN))
        .expiresAt();

    Duration timeout = oc.queues().get(ContactCenter.ORDERS).offerTimeout();
    say.action(Narrator.time(expiry) + "  Ben has stepped away; the demo moves the clock "
        + timeout.toSeconds() + " seconds, to his offer's expiry:");
    clock.advance(timeout);
    say.say("The offer's timer ran on the demo's scheduler and passed the offer to the next agent.");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
