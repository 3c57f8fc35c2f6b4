package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.account.AccountSettings;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.interaction.InteractionId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S14 transfers, and what happens to an agent's work when they go offline. */
class TransferAndOfflineTest {
  private static final QueueId SUPPORT = QueueId.of("support");
  private RoutingFixture f = new RoutingFixture();

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  private InteractionId assignedTo(AgentId agent, String sender) {
    InteractionId id = f.customerWrites(sender);
    f.oc.routing().accept(f.onlyOffer(agent).id());
    return id;
  }

  @Test
  void transferToAQueueFreesTheAgentAndOffersItThere() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, List.of(a.get(0)));
    f.oc.queues().create(Queue.of(SUPPORT, "support", List.of(QueueMember.of(a.get(1)))));
    InteractionId id = assignedTo(a.get(0), "c1");

    f.oc.desk(a.get(0)).transferToQueue(id, SUPPORT);

    assertThat(f.oc.interactions().get(id).owner()).isEmpty();
    assertThat(f.onlyOffer(a.get(1)).queue()).isEqualTo(SUPPORT);
    assertThat(f.eventsOf(InteractionTransferred.class)).singleElement()
        .satisfies(t -> assertThat(t.toQueue()).contains(SUPPORT));
    InteractionId next = f.customerWrites("c2");
    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(next); // Ann's slot is free
    assertThatThrownBy(() -> f.oc.desk(a.get(0)).sendText(id, "still mine?"))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void transferToAnAgentOffersItToThatAgentOnly() {
    List<AgentId> a = f.agents(1, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.RING_ALL, a);
    InteractionId id = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());

    Offer offer = f.oc.desk(a.get(0)).transferToAgent(id, a.get(2));

    assertThat(offer.agent()).isEqualTo(a.get(2));
    assertThat(f.offers(a.get(1))).isEmpty();
    assertThat(f.state(id)).isEqualTo(RoutingState.OFFERING);
    f.oc.desk(a.get(2)).accept(offer.id());
    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(2));
  }

  @Test
  void aRejectedTransferGoesBackToTheQueueWithoutTheTargetOrTheSender() {
    List<AgentId> a = f.agents(1, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = assignedTo(a.get(0), "c1");
    Offer offer = f.oc.desk(a.get(0)).transferToAgent(id, a.get(2));

    f.oc.desk(a.get(2)).reject(offer.id());

    assertThat(f.eventsOf(InteractionQueued.class)).last()
        .satisfies(q -> assertThat(q.cause()).isEqualTo(InteractionQueued.Cause.TRANSFER_RETURNED));
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
  }

  @Test
  void aTimedOutTransferAlsoGoesBackToTheQueue() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, List.of(a.get(0)));
    InteractionId id = assignedTo(a.get(0), "c1");
    f.oc.desk(a.get(0)).transferToAgent(id, a.get(1));

    f.time.advance(Queue.DEFAULT_OFFER_TIMEOUT);

    // Only Ann serves the queue and she passed it on, so it waits for the back-off.
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(id);
    f.time.advance(RoutingOptions.DEFAULT_REJECT_BACKOFF);
    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(id);
  }

  @Test
  void transferNeedsTheAccountsConsentThePermissionAndOwnership() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = assignedTo(a.get(0), "c1");

    assertThatThrownBy(() -> f.oc.desk(a.get(1)).transferToQueue(id, SALES))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("does not own");
    f.oc.agents().update(f.oc.agents().get(a.get(0)).withPermissions(Set.of()));
    assertThatThrownBy(() -> f.oc.desk(a.get(0)).transferToQueue(id, SALES))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("TRANSFER");
    f.oc.agents().update(f.oc.agents().get(a.get(0)).withPermissions(Set.of(Permission.TRANSFER)));
    var fb = f.oc.accounts().get(RoutingFixture.FB);
    f.oc.accounts().update(fb.withSettings(fb.settings().toBuilder().transferAllowed(false).build()));
    int events = f.events.size();
    assertThatThrownBy(() -> f.oc.desk(a.get(0)).transferToQueue(id, SALES))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("does not allow");

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(f.state(id)).isEqualTo(RoutingState.ASSIGNED);
    assertThat(f.events).hasSize(events);
  }

  @Test
  void aTransferToABusyAgentIsRefused() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId c1 = assignedTo(a.get(0), "c1");
    assignedTo(a.get(1), "c2");

    assertThatThrownBy(() -> f.oc.desk(a.get(0)).transferToAgent(c1, a.get(1)))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("cannot take");
    assertThat(f.oc.interactions().get(c1).owner()).contains(a.get(0));
  }

  @Test
  void goingOfflineKeepsAssignedWorkByDefault() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = assignedTo(a.get(0), "c1");

    f.oc.routing().setPresence(a.get(0), Presence.OFFLINE);

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(f.offers(a.get(1))).isEmpty();
  }

  @Test
  void goingOfflineRequeuesAssignedWorkWhenConfigured() {
    f = new RoutingFixture(RoutingOptions.defaults().withOfflineAssignments(OfflineAssignments.REQUEUE));
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = assignedTo(a.get(0), "c1");

    f.oc.routing().setPresence(a.get(0), Presence.OFFLINE);

    assertThat(f.oc.interactions().get(id).owner()).isEmpty();
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
    assertThat(f.eventsOf(InteractionQueued.class)).last()
        .satisfies(q -> assertThat(q.cause()).isEqualTo(InteractionQueued.Cause.AGENT_OFFLINE));
  }

  @Test
  void anAccountCannotNameAQueueThatDoesNotExist() {
    assertThatThrownBy(() -> f.oc.accounts().create(io.openchannel.account.Account.of(
        io.openchannel.account.AccountId.of("x"), io.openchannel.account.ChannelType.TELEGRAM, "X",
        AccountSettings.builder().queue(QueueId.of("nope")).build())))
        .isInstanceOf(io.openchannel.NotFoundException.class).hasMessageContaining("nope");
  }
}
