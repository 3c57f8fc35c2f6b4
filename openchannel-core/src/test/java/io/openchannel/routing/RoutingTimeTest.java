package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.interaction.InteractionId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Offer timeouts, auto-pause, max wait and overflow, the back-off after everyone declined. */
class RoutingTimeTest {
  private RoutingFixture f = new RoutingFixture();

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  @Test
  void anUnansweredOfferTimesOutAndGoesToTheNextAgent() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("c1");
    Offer first = f.onlyOffer(a.get(0));

    f.time.advance(Queue.DEFAULT_OFFER_TIMEOUT.minusSeconds(1));
    assertThat(f.offers(a.get(0))).hasSize(1);
    f.time.advance(Duration.ofSeconds(1));

    assertThat(f.oc.routing().offer(first.id()).orElseThrow().state()).isEqualTo(OfferState.TIMED_OUT);
    assertThat(f.eventsOf(OfferTimedOut.class)).hasSize(1);
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
  }

  @Test
  void anAnsweredOfferNeverTimesOut() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());

    f.time.advance(Duration.ofHours(1));

    assertThat(f.eventsOf(OfferTimedOut.class)).isEmpty();
    assertThat(f.time.pending()).isZero();
  }

  @Test
  void anAgentWhoMissesOffersInARowIsPausedAutomatically() {
    f = new RoutingFixture(RoutingOptions.defaults().withAutoPauseAfterMissedOffers(2));
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("c1");
    f.time.advance(Queue.DEFAULT_OFFER_TIMEOUT); // missed 1; c1 waits (ann excluded)
    f.customerWrites("c2");
    assertThat(f.oc.agents().get(a.get(0)).presence()).isEqualTo(Presence.AVAILABLE);

    f.time.advance(Queue.DEFAULT_OFFER_TIMEOUT); // missed 2

    assertThat(f.oc.agents().get(a.get(0)).presence()).isEqualTo(Presence.PAUSED);
    assertThat(f.eventsOf(AgentPresenceChanged.class)).singleElement()
        .satisfies(e -> assertThat(e.automatic()).isTrue());
    assertThat(f.offers(a.get(0))).isEmpty();
  }

  @Test
  void whenEveryoneDeclinedItWaitsAndIsOfferedAgainAfterTheBackOffDeclinersLast() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("c1");
    f.oc.routing().reject(f.onlyOffer(a.get(0)).id());
    f.oc.routing().reject(f.onlyOffer(a.get(1)).id());
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(id);

    f.time.advance(RoutingOptions.DEFAULT_REJECT_BACKOFF.minusSeconds(1));
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(id);
    f.time.advance(Duration.ofSeconds(1));

    // Ann declined first, so she is first among the decliners.
    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(id);
    f.oc.routing().reject(f.onlyOffer(a.get(0)).id());
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
  }

  @Test
  void aNewAgentIsPreferredOverThoseWhoDeclined() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("c1");
    f.oc.routing().reject(f.onlyOffer(a.get(0)).id());
    f.oc.routing().setPresence(a.get(1), Presence.PAUSED);
    f.oc.routing().setPresence(a.get(1), Presence.AVAILABLE);

    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
    assertThat(f.offers(a.get(0))).isEmpty();
  }

  @Test
  void workWaitingLongerThanMaxWaitOverflowsToTheOverflowQueue() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    QueueId overflow = QueueId.of("overflow");
    f.oc.queues().create(Queue.of(overflow, "overflow", List.of(QueueMember.of(a.get(1)))));
    f.oc.queues().create(Queue.of(SALES, "sales", List.of(QueueMember.of(a.get(0))))
        .withOverflow(Duration.ofMinutes(2), overflow));
    f.accounts();
    f.oc.routing().setPresence(a.get(0), Presence.PAUSED);
    InteractionId id = f.customerWrites("c1");

    f.time.advance(Duration.ofMinutes(2));

    assertThat(f.oc.routing().waiting(SALES)).isEmpty();
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
    assertThat(f.onlyOffer(a.get(1)).queue()).isEqualTo(overflow);
    assertThat(f.eventsOf(InteractionQueued.class)).extracting(InteractionQueued::cause)
        .containsExactly(InteractionQueued.Cause.NEW, InteractionQueued.Cause.OVERFLOW);
  }

  @Test
  void workBeingOfferedAtMaxWaitOverflowsWhenTheOfferFails() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    QueueId overflow = QueueId.of("overflow");
    f.oc.queues().create(Queue.of(overflow, "overflow", List.of(QueueMember.of(a.get(1)))));
    f.oc.queues().create(Queue.of(SALES, "sales", List.of(QueueMember.of(a.get(0))))
        .withOverflow(Duration.ofSeconds(10), overflow));
    f.accounts();
    InteractionId id = f.customerWrites("c1");

    f.time.advance(Duration.ofSeconds(10));
    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(id); // still Ann's turn
    f.oc.routing().reject(f.onlyOffer(a.get(0)).id());

    assertThat(f.onlyOffer(a.get(1)).queue()).isEqualTo(overflow);
  }

  @Test
  void acceptedWorkNeverOverflows() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    QueueId overflow = QueueId.of("overflow");
    f.oc.queues().create(Queue.of(overflow, "overflow", List.of(QueueMember.of(a.get(1)))));
    f.oc.queues().create(Queue.of(SALES, "sales", List.of(QueueMember.of(a.get(0))))
        .withOverflow(Duration.ofSeconds(10), overflow));
    f.accounts();
    InteractionId id = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());

    f.time.advance(Duration.ofMinutes(5));

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(f.offers(a.get(1))).isEmpty();
  }
}
