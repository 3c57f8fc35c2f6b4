package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.NotFoundException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.interaction.InteractionId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S3, S6, S7, S8: a new interaction is queued, offered, rejected, accepted. */
class RoutingBasicsTest {
  private final RoutingFixture f = new RoutingFixture();

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  @Test
  void aNewInteractionIsQueuedAndOfferedWithWhatTheDesktopNeeds() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);

    InteractionId id = f.customerWrites("psid-1");

    assertThat(f.eventsOf(InteractionQueued.class)).singleElement()
        .satisfies(q -> assertThat(q.cause()).isEqualTo(InteractionQueued.Cause.NEW));
    OfferCreated offer = f.eventsOf(OfferCreated.class).get(0);
    assertThat(offer.agent()).isEqualTo(a.get(0));
    assertThat(offer.interaction()).isEqualTo(id);
    assertThat(offer.account()).isEqualTo(RoutingFixture.FB);
    assertThat(offer.channel()).isEqualTo(ChannelType.FACEBOOK_MESSENGER);
    assertThat(offer.contactName()).isEqualTo("Mia psid-1");
    assertThat(offer.preview()).startsWith("Hello, I need help");
    assertThat(offer.expiresAt()).isEqualTo(f.time.instant().plus(Queue.DEFAULT_OFFER_TIMEOUT));
    assertThat(f.state(id)).isEqualTo(RoutingState.OFFERING);
  }

  @Test
  void acceptingMakesTheAgentTheOwner() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("psid-1");

    f.oc.desk(a.get(0)).accept(f.onlyOffer(a.get(0)).id());

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(f.state(id)).isEqualTo(RoutingState.ASSIGNED);
    assertThat(f.eventsOf(OfferAccepted.class)).hasSize(1);
    assertThat(f.eventsOf(InteractionAssigned.class)).hasSize(1);
    assertThat(f.offers(a.get(0))).isEmpty();
  }

  @Test
  void aRejectedOfferPassesToTheNextAgent() {
    List<AgentId> a = f.agents(1, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("psid-1");

    f.oc.desk(a.get(0)).reject(f.onlyOffer(a.get(0)).id());

    assertThat(f.offers(a.get(0))).isEmpty();
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
    assertThat(f.eventsOf(OfferRejected.class)).singleElement()
        .satisfies(r -> assertThat(r.agent()).isEqualTo(a.get(0)));
  }

  @Test
  void ringAllOffersEveryoneAndTheFirstAcceptWinsTheOthersAreTold() {
    List<AgentId> a = f.agents(1, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.RING_ALL, a);
    InteractionId id = f.customerWrites("psid-1");
    Offer annOffer = f.onlyOffer(a.get(0));
    Offer cidOffer = f.onlyOffer(a.get(2));

    f.oc.routing().accept(f.onlyOffer(a.get(1)).id());

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(1));
    assertThat(f.eventsOf(OfferRescinded.class)).extracting(OfferRescinded::agent, OfferRescinded::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.get(0), RescindReason.TAKEN_BY_OTHER_AGENT),
            org.assertj.core.groups.Tuple.tuple(a.get(2), RescindReason.TAKEN_BY_OTHER_AGENT));
    assertThat(f.oc.routing().offer(annOffer.id()).orElseThrow().state()).isEqualTo(OfferState.RESCINDED);
    assertThat(f.offers(a.get(0))).isEmpty();
    assertThat(f.offers(a.get(2))).isEmpty();
    int events = f.events.size();
    assertThatThrownBy(() -> f.oc.routing().accept(cidOffer.id()))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("RESCINDED");
    assertThatThrownBy(() -> f.oc.routing().reject(cidOffer.id()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(1));
    assertThat(f.events).hasSize(events);
  }

  @Test
  void acceptingTwiceIsATypedErrorAndChangesNothing() {
    List<AgentId> a = f.agents(2, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("psid-1");
    Offer offer = f.onlyOffer(a.get(0));
    f.oc.routing().accept(offer.id());
    int events = f.events.size();

    assertThatThrownBy(() -> f.oc.routing().accept(offer.id()))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("ACCEPTED");
    assertThat(f.events).hasSize(events);
  }

  @Test
  void unknownOffersAreNotFound() {
    f.agents(1, "ann");
    assertThatThrownBy(() -> f.oc.routing().accept(OfferId.of("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAgentCannotAnswerAnotherAgentsOffer() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.customerWrites("psid-1");

    assertThatThrownBy(() -> f.oc.desk(a.get(1)).accept(f.onlyOffer(a.get(0)).id()))
        .isInstanceOf(PermissionDeniedException.class);
  }
}
