package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.Queue;
import io.openchannel.routing.RoutingState;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;
import java.util.List;

/**
 * Step 14: routing. An account with a queue has its new interactions offered to the queue's
 * agents, one at a time with {@link RoutingStrategy#LINEAR}; an agent who rejects the offer passes
 * it on to the next one (S6), and the one who accepts owns the interaction.
 */
final class LinearQueueScene {
  private static final SenderProfile TOM = SenderProfile.of("15550198765", "Tom", "Reed");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  LinearQueueScene(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  void run() {
    clock.advance(Duration.ofMinutes(5));
    say.section("A queue: one agent at a time", "desk.reject(offer) / desk.accept(offer)");
    say.say("So far the host assigned by hand; on an account with a queue, routing offers the work"
        + " to agents.");
    oc.agents().create(ContactCenter.router(ContactCenter.BEN, "Ben Ortiz"));
    oc.agents().create(ContactCenter.router(ContactCenter.CLEO, "Cleo Park"));
    oc.agents().create(ContactCenter.router(ContactCenter.DAN, "Dan Moreau"));
    say.field("agents", Setup.sub("ben, cleo, dan",
        "AVAILABLE, capacity 2 on WhatsApp (both needed to get offers)"));
    Queue queue = oc.queues().create(
        ContactCenter.queue(ContactCenter.ORDERS, "Orders", RoutingStrategy.LINEAR));
    say.field("queue", Setup.sub(queue.id().value(), queue.strategy() + ": ben, then cleo, then"
        + " dan; an offer rings " + queue.offerTimeout().toSeconds() + " s"));
    oc.accounts().create(ContactCenter.whatsAppLine(ContactCenter.ORDERS_LINE, "Sunny Shoes Orders",
        ContactCenter.ORDERS));
    say.field("account", Setup.sub(ContactCenter.ORDERS_LINE.value(),
        "WhatsApp, its new interactions go to queue " + queue.id()));

    String text = "Can I change the delivery address for order 4533?";
    say.action(now() + "  Tom Reed writes on WhatsApp: " + Narrator.quote(text, 60));
    InteractionId tom = oc.receive(ContactCenter.ORDERS_LINE,
        InboundMessage.text("wamid.tom-0001", TOM, text, clock.instant())).interaction().id();
    say.say("Ben's desktop rings (S8) with what OfferCreated carries: contact, channel, preview,"
        + " expiry.");

    clock.advance(Duration.ofSeconds(10));
    AgentDesk ben = oc.desk(ContactCenter.BEN);
    say.action(now() + "  Ben is busy and rejects the offer:");
    ben.reject(only(ben.pendingOffers()).id());
    say.say("Nobody routed it again: the offer passed to the queue's next agent by itself (S6).");

    clock.advance(Duration.ofSeconds(10));
    AgentDesk cleo = oc.desk(ContactCenter.CLEO);
    say.action(now() + "  Cleo accepts:");
    Interaction taken = cleo.accept(only(cleo.pendingOffers()).id());
    RoutingState state = oc.routing().state(tom).orElseThrow();
    String owner = taken.owner().map(a -> oc.agents().get(a).name()).orElse("nobody");
    say.say("The interaction is " + owner + "'s now (routing state " + state + "); Dan's desktop"
        + " never rang.");
  }

  /** The agent's only pending offer: in this scene each agent has at most one. */
  static Offer only(List<Offer> offers) {
    if (offers.size() != 1) {
      throw new IllegalStateException("expected one pending offer, got " + offers);
    }
    return offers.get(0);
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
