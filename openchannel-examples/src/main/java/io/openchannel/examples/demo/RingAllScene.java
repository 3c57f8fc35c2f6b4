package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.IllegalTransitionException;
import io.openchannel.OpenChannel;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * Step 15: a {@link RoutingStrategy#RING_ALL} queue offers a new interaction to all its agents at
 * once. The first accept wins; the others' offers are rescinded and they are told the interaction
 * was taken (S7). An accept that arrives too late is refused and changes nothing.
 */
final class RingAllScene {
  private static final SenderProfile IVY = SenderProfile.of("15550143210", "Ivy", "Chen");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;
  private final EventEcho events;

  RingAllScene(OpenChannel oc, DemoClock clock, Narrator say, EventEcho events) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
    this.events = events;
  }

  void run() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Ring all: the first to accept wins", "RoutingStrategy.RING_ALL");
    Queue queue = oc.queues().create(
        ContactCenter.queue(ContactCenter.RETURNS, "Returns", RoutingStrategy.RING_ALL));
    say.field("queue", Setup.sub(queue.id().value(), queue.strategy()
        + ": ben, cleo and dan all ring at once"));
    oc.accounts().create(ContactCenter.whatsAppLine(ContactCenter.RETURNS_LINE,
        "Sunny Shoes Returns", ContactCenter.RETURNS));
    say.field("account", Setup.sub(ContactCenter.RETURNS_LINE.value(),
        "WhatsApp, its new interactions go to queue " + queue.id()));

    String text = "I'd like to return the sandals from order 4540.";
    say.action(now() + "  Ivy Chen writes on WhatsApp: " + Narrator.quote(text, 60));
    InteractionId ivy = oc.receive(ContactCenter.RETURNS_LINE,
        InboundMessage.text("wamid.ivy-0001", IVY, text, clock.instant())).interaction().id();
    Offer bens = LinearQueueScene.only(oc.desk(ContactCenter.BEN).pendingOffers());

    clock.advance(Duration.ofSeconds(8));
    AgentDesk dan = oc.desk(ContactCenter.DAN);
    say.action(now() + "  Dan accepts first:");
    dan.accept(LinearQueueScene.only(dan.pendingOffers()).id());
    say.say("Ben's and Cleo's desktops remove the offer and say why (S7).");

    clock.advance(Duration.ofSeconds(2));
    say.action(now() + "  Ben's click on Accept arrives a moment too late:");
    int before = events.total();
    try {
      oc.desk(ContactCenter.BEN).accept(bens.id());
      throw new IllegalStateException("a rescinded offer was accepted");
    } catch (IllegalTransitionException e) {
      // The message names the offer by its id, which differs every run: the demo hides it.
      say.refused(e.getClass().getSimpleName(), e.getMessage().replace(bens.id().toString(),
          "<id>"));
    }
    Optional<AgentId> owner = oc.interactions().get(ivy).owner();
    OfferState bensNow = oc.routing().offer(bens.id()).orElseThrow().state();
    if (!owner.equals(Optional.of(ContactCenter.DAN)) || bensNow != OfferState.RESCINDED
        || events.total() != before) {
      throw new IllegalStateException("the late accept changed something");
    }
    say.say("Nothing changed: the interaction is still " + oc.agents().get(owner.get()).name()
        + "'s, Ben's offer stays " + bensNow + ", no event.");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
