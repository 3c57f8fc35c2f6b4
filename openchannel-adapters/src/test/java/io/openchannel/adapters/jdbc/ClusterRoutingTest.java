package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.OpenChannel;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.engine.Engine;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.OfflineAssignments;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RescindReason;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.routing.RoutingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engines that route together through the database: one routes (the lease holder), any accepts;
 * concurrent accepts of one interaction's offers from three engines give one winner; an offer's
 * timeout and a max wait fire once in the cluster; an engine that stops mid-offer is taken over
 * and its work routed on. Time is a manual clock; only the accepts run on real threads.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterRoutingTest {
  private static final AgentId ANN = AgentId.of("ann");
  private static final AgentId BOB = AgentId.of("bob");
  private static final AgentId CID = AgentId.of("cid");

  private static Queue queue(RoutingStrategy strategy) {
    return Queue.of(RoutingCluster.Q, "Support", List.of()).withStrategy(strategy)
        .withOfferTimeout(Duration.ofSeconds(30));
  }

  private static Offer pendingOfferOf(OpenChannel oc, AgentId agent) {
    List<Offer> offers = oc.routing().pendingOffers(agent);
    assertThat(offers).as("pending offers of %s", agent).hasSize(1);
    return offers.get(0);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void ofThreeEnginesAcceptingOneInteractionsOffersAtOnceExactlyOneWins(TestDatabase.Engine kind)
      throws Exception {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.RING_ALL), 1, "ann", "bob", "cid");
      long reloadsBefore = ((Engine) cluster.oc("a")).routingReloads();
      String[] engines = {"a", "b", "c"};
      AgentId[] agents = {ANN, BOB, CID};
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        for (int round = 0; round < 15; round++) {
          InteractionId x = cluster.inbound(engines[round % 3]);
          cluster.settle();
          Offer[] offers = new Offer[3];
          for (int i = 0; i < 3; i++) {
            offers[i] = pendingOfferOf(cluster.oc(engines[i]), agents[i]);
            assertThat(offers[i].interaction()).isEqualTo(x);
          }
          CyclicBarrier together = new CyclicBarrier(3);
          List<Future<Optional<Throwable>>> accepts = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            OpenChannel oc = cluster.oc(engines[i]);
            Offer offer = offers[i];
            accepts.add(pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              try {
                oc.routing().accept(offer.id());
                return Optional.<Throwable>empty();
              } catch (RuntimeException e) {
                return Optional.<Throwable>of(e);
              }
            }));
          }
          List<Integer> winners = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            Optional<Throwable> failure = accepts.get(i).get(60, TimeUnit.SECONDS);
            if (failure.isEmpty()) {
              winners.add(i);
            } else {
              assertThat(failure.get()).isInstanceOf(IllegalTransitionException.class)
                  .hasMessageContaining("is no longer pending");
            }
          }
          assertThat(winners).as("round %d", round).hasSize(1);
          int w = winners.get(0);
          cluster.settle();

          assertThat(cluster.oc("b").interactions().get(x).owner()).hasValue(agents[w]);
          for (int i = 0; i < 3; i++) {
            Offer ended = cluster.oc(engines[(i + 1) % 3]).routing().offer(offers[i].id()).orElseThrow();
            if (i == w) {
              assertThat(ended.state()).isEqualTo(OfferState.ACCEPTED);
            } else {
              assertThat(ended.state()).isEqualTo(OfferState.RESCINDED);
              assertThat(ended.rescindReason()).hasValue(RescindReason.TAKEN_BY_OTHER_AGENT);
            }
          }
          for (String e : engines) {
            assertThat(cluster.heard(e, OfferAccepted.class)).as("%s heard the accepts", e)
                .isEqualTo(round + 1);
            assertThat(cluster.heard(e, OfferRescinded.class)).as("%s heard the rescinds", e)
                .isEqualTo(2L * (round + 1));
          }
          cluster.oc(engines[(round + 2) % 3]).close(x);
          cluster.settle();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(cluster.logged("OfferAccepted")).isEqualTo(15);
      assertThat(cluster.logged("OfferCreated")).isEqualTo(45);
      assertThat(((Engine) cluster.oc("a")).routingReloads())
          .as("the router applied the other engines' inbound, accepts and closes step by step")
          .isEqualTo(reloadsBefore);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void anOfferTimesOutOnceInTheClusterAndTheNextAgentGetsTheWorkOnce(TestDatabase.Engine kind) {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.LINEAR), 1, "ann", "bob");
      InteractionId x = cluster.inbound("b");
      cluster.settle();
      Offer first = pendingOfferOf(cluster.oc("c"), ANN);

      cluster.pass(Duration.ofSeconds(31));
      cluster.settle();

      assertThat(cluster.oc("b").routing().offer(first.id()).orElseThrow().state())
          .isEqualTo(OfferState.TIMED_OUT);
      Offer second = pendingOfferOf(cluster.oc("c"), BOB);
      assertThat(second.interaction()).isEqualTo(x);
      assertThat(cluster.logged("OfferTimedOut")).isEqualTo(1);
      assertThat(cluster.logged("OfferCreated")).isEqualTo(2);
      for (String e : List.of("a", "b", "c")) {
        assertThat(cluster.heard(e, OfferTimedOut.class)).as(e).isEqualTo(1);
        assertThat(cluster.heard(e, OfferCreated.class)).as(e).isEqualTo(2);
      }
      assertThat(cluster.oc("c").routing().accept(second.id()).owner()).hasValue(BOB);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aMaxWaitOverflowsOnceInTheClusterAndTheOverflowQueuesAgentGetsItOnce(
      TestDatabase.Engine kind) {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.LINEAR), 1, "ann", "bob");
      OpenChannel b = cluster.oc("b");
      QueueId backup = QueueId.of("backup");
      b.queues().create(Queue.of(backup, "Backup", List.of(QueueMember.of(BOB))));
      b.queues().update(b.queues().get(RoutingCluster.Q).withMembers(List.of(QueueMember.of(ANN)))
          .withOverflow(Duration.ofSeconds(60), backup));
      b.routing().setPresence(ANN, Presence.PAUSED);
      cluster.pass(RoutingCluster.LEASE); // the router notices the queue change at its next renewal

      InteractionId x = cluster.inbound("c");
      cluster.settle();
      assertThat(b.routing().waiting(RoutingCluster.Q)).containsExactly(x);

      cluster.pass(Duration.ofSeconds(61));
      cluster.settle();

      assertThat(cluster.logged("InteractionQueued")).as("NEW, then OVERFLOW").isEqualTo(2);
      Offer offer = pendingOfferOf(cluster.oc("a"), BOB);
      assertThat(offer.queue()).isEqualTo(backup);
      assertThat(cluster.logged("OfferCreated")).isEqualTo(1);
      for (String e : List.of("a", "b", "c")) {
        assertThat(cluster.heard(e, InteractionQueued.class)).as(e).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void anEngineStoppedMidOfferIsTakenOverAndItsOfferTimedOutAndRoutedOn(TestDatabase.Engine kind) {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.LINEAR), 1, "ann", "bob");
      InteractionId x = cluster.inbound("b");
      cluster.settle();
      Offer first = pendingOfferOf(cluster.oc("c"), ANN);

      cluster.nodes.get("a").crashed = true; // the router: its timers never run again
      cluster.pass(Duration.ofSeconds(10)); // its lease (15 s) still holds: nobody routes
      assertThat(cluster.oc("b").routing().offer(first.id()).orElseThrow().isPending()).isTrue();

      cluster.pass(Duration.ofSeconds(25)); // b takes the lease over, then the offer expires
      cluster.settle();

      assertThat(cluster.oc("b").routing().offer(first.id()).orElseThrow().state())
          .isEqualTo(OfferState.TIMED_OUT);
      Offer second = pendingOfferOf(cluster.oc("b"), BOB);
      assertThat(second.interaction()).isEqualTo(x);
      assertThat(cluster.logged("OfferTimedOut")).isEqualTo(1);
      assertThat(cluster.logged("OfferCreated")).isEqualTo(2);

      // The old router wakes up: its timer and its lease tick find the lease gone; it writes nothing.
      cluster.nodes.get("a").crashed = false;
      cluster.settle();
      assertThat(cluster.logged("OfferTimedOut")).isEqualTo(1);
      assertThat(cluster.logged("OfferCreated")).isEqualTo(2);
      assertThat(pendingOfferOf(cluster.oc("a"), BOB).id()).isEqualTo(second.id());

      Interaction taken = cluster.oc("a").routing().accept(second.id());
      assertThat(taken.owner()).hasValue(BOB);
      assertThatThrownBy(() -> cluster.oc("c").routing().accept(first.id()))
          .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("TIMED_OUT");
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void transfersMadeOnEnginesThatDoNotRouteReachTheRouter(TestDatabase.Engine kind) {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.LINEAR), 1, "ann", "bob", "cid");
      OpenChannel b = cluster.oc("b");
      OpenChannel c = cluster.oc("c");
      QueueId backup = QueueId.of("backup");
      b.queues().create(Queue.of(backup, "Backup", List.of(QueueMember.of(CID))));
      InteractionId x = cluster.inbound("b");
      cluster.settle();
      c.routing().accept(pendingOfferOf(c, ANN).id());
      cluster.settle();

      Offer direct = b.routing().transferToAgent(x, BOB, ANN);
      cluster.settle();
      assertThat(direct.agent()).isEqualTo(BOB);
      assertThat(pendingOfferOf(cluster.oc("a"), BOB).id()).isEqualTo(direct.id());
      assertThat(c.routing().accept(direct.id()).owner()).hasValue(BOB);
      cluster.settle();

      c.routing().transferToQueue(x, backup, BOB);
      cluster.pass(RoutingCluster.LEASE); // the backup queue made on b reaches the router too
      cluster.settle();

      Offer toCid = pendingOfferOf(b, CID);
      assertThat(toCid.interaction()).isEqualTo(x);
      assertThat(toCid.queue()).isEqualTo(backup);
      assertThat(b.routing().accept(toCid.id()).owner()).hasValue(CID);
      assertThat(cluster.logged("InteractionTransferred")).isEqualTo(2);
      assertThat(((Engine) cluster.oc("a")).routingViolations())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void anAgentGoingOfflineOnAnEngineThatDoesNotRouteHasTheirWorkRequeued(TestDatabase.Engine kind) {
    RoutingOptions requeue = RoutingOptions.defaults()
        .withOfflineAssignments(OfflineAssignments.REQUEUE);
    try (RoutingCluster cluster = new RoutingCluster(kind, requeue, "a", "b", "c")) {
      cluster.setUp(queue(RoutingStrategy.LINEAR), 1, "ann", "bob");
      OpenChannel c = cluster.oc("c");
      InteractionId x = cluster.inbound("b");
      cluster.settle();
      c.routing().accept(pendingOfferOf(c, ANN).id());
      cluster.settle();

      c.routing().setPresence(ANN, Presence.OFFLINE);
      cluster.settle();

      Offer toBob = pendingOfferOf(cluster.oc("b"), BOB);
      assertThat(toBob.interaction()).isEqualTo(x);
      assertThat(c.interactions().get(x).owner()).isEmpty();
      assertThat(cluster.logged("InteractionQueued")).as("NEW, then AGENT_OFFLINE").isEqualTo(2);
    }
  }
}
