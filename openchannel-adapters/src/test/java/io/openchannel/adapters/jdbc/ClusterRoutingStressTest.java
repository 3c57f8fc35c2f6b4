package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.IllegalTransitionException;
import io.openchannel.NotFoundException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.OpenChannel;
import io.openchannel.event.EventJson;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.engine.Engine;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.RoutingStrategy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three engines on real threads doing random routing work at once (new interactions, accepts,
 * rejects, transfers, closes, presence changes) while the router's timers run; the router crashes
 * halfway and another engine takes over while the other two keep working; at the end the database must hold a consistent picture: no
 * agent over capacity, every offer created once and ended at most once (its end logged once),
 * accepted offers matching owners, every open interaction assigned or waiting, and the new
 * router's view agreeing with itself.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterRoutingStressTest {
  private static final int CAPACITY = 3;
  private static final String[] AGENTS = {"ann", "bob", "cid", "dan"};
  private static final int OPS = 60;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void randomWorkOnThreeEnginesWithALeaderChangeLeavesAConsistentDatabase(
      TestDatabase.Engine kind) throws Exception {
    try (RoutingCluster cluster = new RoutingCluster(kind, "a", "b", "c")) {
      cluster.setUp(Queue.of(RoutingCluster.Q, "Support", List.of())
          .withStrategy(RoutingStrategy.RING_ALL).withOfferTimeout(Duration.ofSeconds(2)),
          CAPACITY, AGENTS);
      List<InteractionId> created = new CopyOnWriteArrayList<>();
      List<Throwable> unexpected = new CopyOnWriteArrayList<>();

      CountDownLatch routerClientDone = new CountDownLatch(1);
      CountDownLatch crashed = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(3);
      CountDownLatch open = new CountDownLatch(0);
      start(cluster, "a", OPS / 2, open, created, unexpected, routerClientDone, done);
      start(cluster, "b", OPS, crashed, created, unexpected, new CountDownLatch(1), done);
      start(cluster, "c", OPS, crashed, created, unexpected, new CountDownLatch(1), done);
      while (!routerClientDone.await(0, TimeUnit.MILLISECONDS)) {
        cluster.pass(RoutingCluster.POLL);
      }
      // The router dies while b and c keep working (the second half of their work waits for
      // this); another engine takes over once the lease lapsed.
      cluster.nodes.get("a").crashed = true;
      crashed.countDown();
      cluster.pass(RoutingCluster.LEASE.plusSeconds(1));
      while (!done.await(0, TimeUnit.MILLISECONDS)) {
        cluster.pass(RoutingCluster.POLL);
      }
      cluster.pass(Duration.ofSeconds(5)); // offers left pending time out, their work moves on
      for (int i = 0; i < 5; i++) {
        cluster.settle();
      }

      assertThat(unexpected).isEmpty();
      assertThat(created).isNotEmpty();
      checkDatabase(cluster);
      OpenChannel router = ((Engine) cluster.oc("b")).routingViolations().isEmpty()
          ? cluster.oc("b") : cluster.oc("c");
      assertThat(((Engine) router).routingViolations()).isEmpty();
    }
  }

  /**
   * Runs {@code ops} random operations on {@code engine}, on a thread of its own; the second half
   * waits for {@code halfway}.
   */
  private static void start(RoutingCluster cluster, String engine, int ops, CountDownLatch halfway,
      List<InteractionId> created, List<Throwable> unexpected, CountDownLatch finished,
      CountDownLatch done) {
    OpenChannel oc = cluster.oc(engine);
    Random random = new Random(engine.hashCode());
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < ops; i++) {
          if (i == ops / 2 && !halfway.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the router never crashed");
          }
          try {
            step(cluster, engine, oc, random, created);
          } catch (IllegalTransitionException | NotFoundException | ConcurrentUpdateException
              | PermissionDeniedException ok) {
            // lost to another engine, or the work moved on: expected under contention
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }
      } catch (InterruptedException | AssertionError e) {
        unexpected.add(e);
      } finally {
        finished.countDown();
        done.countDown();
      }
    }, "stress-" + engine);
    t.start();
  }

  private static void step(RoutingCluster cluster, String engine, OpenChannel oc, Random random,
      List<InteractionId> created) {
    int dice = random.nextInt(100);
    if (dice < 30) {
      created.add(cluster.inbound(engine));
    } else if (dice < 60) {
      List<Offer> offers = oc.routing().pendingOffers(AgentId.of(AGENTS[random.nextInt(AGENTS.length)]));
      if (!offers.isEmpty()) {
        Offer o = offers.get(random.nextInt(offers.size()));
        if (random.nextInt(4) == 0) {
          oc.routing().reject(o.id());
        } else {
          oc.routing().accept(o.id());
        }
      }
    } else if (dice < 70) {
      if (!created.isEmpty()) {
        InteractionId x = created.get(random.nextInt(created.size()));
        Optional<AgentId> owner = oc.interactions().get(x).owner();
        if (owner.isPresent()) {
          AgentId to = AgentId.of(AGENTS[random.nextInt(AGENTS.length)]);
          if (random.nextBoolean() && !to.equals(owner.get())) {
            oc.routing().transferToAgent(x, to, owner.get());
          } else {
            oc.routing().transferToQueue(x, RoutingCluster.Q, owner.get());
          }
        }
      }
    } else if (dice < 85) {
      if (!created.isEmpty()) {
        InteractionId x = created.get(random.nextInt(created.size()));
        if (oc.interactions().get(x).isOpen()) {
          oc.close(x);
        }
      }
    } else {
      AgentId a = AgentId.of(AGENTS[random.nextInt(AGENTS.length)]);
      oc.routing().setPresence(a, random.nextInt(3) == 0 ? Presence.PAUSED : Presence.AVAILABLE);
    }
  }

  private static void checkDatabase(RoutingCluster cluster) throws SQLException {
    Map<String, String> state = new HashMap<>();
    Map<String, String> offerAgent = new HashMap<>();
    Map<String, List<String>> acceptedAgents = new HashMap<>();
    Map<String, String> owner = new HashMap<>();
    Map<String, Integer> load = new HashMap<>();
    List<String> waiting = new ArrayList<>();
    Map<String, Integer> created = new HashMap<>();
    Map<String, Integer> ends = new HashMap<>();
    Map<String, Integer> transfers = new HashMap<>();
    try (Connection c = cluster.db.dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, interaction_id, agent_id, state FROM "
          + "oc_route_offer ORDER BY ended_at")) {
        while (rs.next()) {
          state.put(rs.getString(1), rs.getString(4));
          offerAgent.put(rs.getString(1), rs.getString(2));
          if (rs.getString(4).equals("ACCEPTED")) {
            acceptedAgents.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
          }
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, owner_agent FROM oc_interaction WHERE status = 'OPEN'")) {
        while (rs.next()) {
          owner.put(rs.getString(1), rs.getString(2));
          if (rs.getString(2) != null) {
            load.merge(rs.getString(2), 1, Integer::sum);
          }
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT interaction_id FROM oc_route_waiting")) {
        while (rs.next()) {
          waiting.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT body FROM oc_event ORDER BY seq")) {
        while (rs.next()) {
          OpenChannelEvent e = EventJson.fromJson(rs.getString(1));
          if (e instanceof OfferCreated o) {
            created.merge(o.offer().value(), 1, Integer::sum);
          } else if (e instanceof OfferAccepted o) {
            ends.merge(o.offer().value(), 1, Integer::sum);
          } else if (e instanceof OfferRejected o) {
            ends.merge(o.offer().value(), 1, Integer::sum);
          } else if (e instanceof OfferTimedOut o) {
            ends.merge(o.offer().value(), 1, Integer::sum);
          } else if (e instanceof OfferRescinded o) {
            ends.merge(o.offer().value(), 1, Integer::sum);
          } else if (e instanceof InteractionTransferred t) {
            transfers.merge(t.interaction().value(), 1, Integer::sum);
          }
        }
      }
    }
    System.out.println("stress: transfers " + transfers.values().stream().mapToInt(i -> i).sum()
        + ", offers by state " + state.values().stream().collect(
        java.util.stream.Collectors.groupingBy(v -> v, java.util.stream.Collectors.counting()))
        + ", open " + owner.size() + ", waiting " + waiting.size());
    assertThat(state.values()).as("the run accepted, rescinded and timed out offers")
        .contains("ACCEPTED", "RESCINDED", "TIMED_OUT");
    load.forEach((agent, n) -> assertThat(n).as("load of %s", agent).isLessThanOrEqualTo(CAPACITY));
    state.forEach((offer, st) -> {
      assertThat(created.get(offer)).as("OfferCreated of %s", offer).isEqualTo(1);
      assertThat(ends.getOrDefault(offer, 0)).as("ends of %s (%s)", offer, st)
          .isEqualTo(st.equals("PENDING") ? 0 : 1);
      if (st.equals("PENDING")) {
        String x = offerAgent.get(offer);
        assertThat(owner).as("pending offer %s of %s", offer, x).containsKey(x);
        assertThat(owner.get(x)).as("pending offer %s of owned %s", offer, x).isNull();
      }
    });
    acceptedAgents.forEach((x, agents) -> {
      assertThat(agents.size()).as("accepted offers of %s: one per hand-over", x)
          .isLessThanOrEqualTo(1 + transfers.getOrDefault(x, 0));
      if (owner.get(x) != null) {
        assertThat(owner.get(x)).as("owner of %s", x).isEqualTo(agents.get(agents.size() - 1));
      }
    });
    owner.forEach((x, agent) -> {
      if (agent == null) {
        assertThat(waiting).as("open, unowned %s waits", x).contains(x);
      } else {
        assertThat(waiting).as("owned %s does not wait", x).doesNotContain(x);
      }
    });
  }
}
