package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static io.openchannel.routing.RoutingFixture.WA;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.ChannelType;
import io.openchannel.event.OfferRescinded;
import io.openchannel.interaction.InteractionId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S4 capacity; waiting work is offered the moment an agent becomes eligible; close (S13). */
class CapacityAndWaitingTest {
  private final RoutingFixture f = new RoutingFixture();

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  @Test
  void pendingOffersCountTowardsCapacitySoRingAllNeverOverfillsAnAgent() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.RING_ALL, a);
    InteractionId c1 = f.customerWrites("c1");
    InteractionId c2 = f.customerWrites("c2");

    // Both agents hold an offer of c1: c2 waits instead of being offered on top.
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(c2);
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());

    // Bob's c1 offer was rescinded, which freed him for c2; Ann is full.
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(c2);
    assertThat(f.offers(a.get(0))).isEmpty();
    assertThat(f.oc.interactions().get(c1).owner()).contains(a.get(0));
  }

  @Test
  void capacityIsPerChannel() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());

    InteractionId onWhatsApp = f.customerWrites(WA, "+4912345", "Hi on WhatsApp");

    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(onWhatsApp);
  }

  @Test
  void closingFreesCapacityAndTheNextWaitingInteractionIsOffered() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId c1 = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());
    InteractionId c2 = f.customerWrites("c2");
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(c2);

    f.oc.desk(a.get(0)).close(c1);

    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(c2);
    assertThat(f.oc.routing().state(c1)).contains(RoutingState.CLOSED);
  }

  @Test
  void raisingCapacityOffersWaitingWork() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("c1");
    InteractionId c2 = f.customerWrites("c2");

    f.oc.routing().setCapacity(a.get(0), ChannelType.FACEBOOK_MESSENGER, 2);

    assertThat(f.offers(a.get(0))).extracting(Offer::interaction).contains(c2);
  }

  @Test
  void loweringCapacityRescindsTheNewestOffersButKeepsAssignedWork() {
    List<AgentId> a = f.agents(3, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId c1 = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());
    InteractionId c2 = f.customerWrites("c2");
    InteractionId c3 = f.customerWrites("c3");

    f.oc.routing().setCapacity(a.get(0), ChannelType.FACEBOOK_MESSENGER, 2);

    assertThat(f.offers(a.get(0))).extracting(Offer::interaction).containsExactly(c2);
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(c3);
    assertThat(f.oc.interactions().get(c1).owner()).contains(a.get(0));
    assertThat(f.eventsOf(OfferRescinded.class)).extracting(OfferRescinded::reason)
        .containsExactly(RescindReason.AGENT_UNAVAILABLE);
  }

  @Test
  void anAgentJoiningTheQueueIsOfferedItsWaitingWork() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    Queue q = f.queue(SALES, RoutingStrategy.LINEAR, List.of(a.get(0)));
    f.oc.routing().setPresence(a.get(0), Presence.OFFLINE);
    InteractionId c1 = f.customerWrites("c1");

    f.oc.queues().update(q.withMembers(List.of(QueueMember.of(a.get(0)), QueueMember.of(a.get(1)))));

    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(c1);
  }

  @Test
  void closingAnOfferedInteractionRescindsItsOffers() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.RING_ALL, a);
    InteractionId c1 = f.customerWrites("c1");
    Offer annOffer = f.onlyOffer(a.get(0));

    f.oc.close(c1);

    assertThat(f.eventsOf(OfferRescinded.class)).extracting(OfferRescinded::reason)
        .containsOnly(RescindReason.INTERACTION_CLOSED).hasSize(2);
    assertThat(f.offers(a.get(0))).isEmpty();
    assertThat(f.offers(a.get(1))).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.oc.routing().accept(annOffer.id()))
        .isInstanceOf(io.openchannel.IllegalTransitionException.class)
        .hasMessageContaining("INTERACTION_CLOSED");
  }

  @Test
  void pausingRescindsPendingOffersAndTheWorkMovesOn() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId c1 = f.customerWrites("c1");

    f.oc.routing().setPresence(a.get(0), Presence.PAUSED);

    assertThat(f.eventsOf(OfferRescinded.class)).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RescindReason.AGENT_UNAVAILABLE));
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(c1);
  }

  @Test
  void theHostsExplicitAssignTakesQueuedWorkOutOfRouting() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId c1 = f.customerWrites("c1");

    f.oc.assign(c1, a.get(1));

    assertThat(f.eventsOf(OfferRescinded.class)).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RescindReason.TAKEN_BY_OTHER_AGENT));
    assertThat(f.state(c1)).isEqualTo(RoutingState.ASSIGNED);
    InteractionId c2 = f.customerWrites("c2");
    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(c2); // Bob is full
  }
}
