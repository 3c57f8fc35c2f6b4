package io.openchannel.adapters.jdbc;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Engines that route together on one database ({@code clusterRouting(true)}), each with its own
 * deterministic scheduler on one shared manual clock: time moves only when the test says, and
 * every engine's due tasks (lease ticks, event polls, offer timers) run on the test's thread. An
 * engine "crashes" by being left out of {@link #pass}: its timers never run again.
 */
final class RoutingCluster implements AutoCloseable {
  static final AccountId TG = AccountId.of("tg");
  static final QueueId Q = QueueId.of("q");
  static final Duration POLL = Duration.ofMillis(100);
  static final Duration LEASE = Duration.ofSeconds(15);

  /** One engine, what its listeners heard, and whether its timers still run. */
  static final class Node {
    final String name;
    final OpenChannel oc;
    final DeterministicScheduler scheduler;
    final List<OpenChannelEvent> heard;
    volatile boolean crashed;

    Node(String name, OpenChannel oc, DeterministicScheduler scheduler,
        List<OpenChannelEvent> heard) {
      this.name = name;
      this.oc = oc;
      this.scheduler = scheduler;
      this.heard = heard;
    }

    /** How many events of {@code type} this engine's listeners heard. */
    long heard(Class<? extends OpenChannelEvent> type) {
      return heard.stream().filter(type::isInstance).count();
    }
  }

  final TestDatabase db;
  private final RoutingOptions options;
  final ManualClock clock = new ManualClock();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  private final AtomicInteger customers = new AtomicInteger();

  RoutingCluster(TestDatabase.Engine kind, String... names) {
    this(kind, RoutingOptions.defaults(), names);
  }

  RoutingCluster(TestDatabase.Engine kind, RoutingOptions options, String... names) {
    this.options = options;
    this.db = TestDatabase.fresh(kind);
    for (String name : names) {
      add(name);
    }
    runDue(); // the first engine takes the lease
  }

  Node add(String name) {
    DeterministicScheduler scheduler = new DeterministicScheduler(clock);
    List<OpenChannelEvent> heard = new CopyOnWriteArrayList<>();
    EventListener listener = heard::add;
    OpenChannel oc = OpenChannel.builder()
        .store(JdbcStore.builder(db.dataSource()).clusterRouting(true).build())
        .blobStore(BlobStore.inMemory()).clock(clock).scheduler(scheduler)
        .cluster(ClusterOptions.defaults().withNodeId(name).withEventPoll(POLL)
            .withRouterLease(LEASE))
        .routing(options).listener(listener).build();
    Node node = new Node(name, oc, scheduler, heard);
    nodes.put(name, node);
    return node;
  }

  /** How many events of {@code type} {@code node}'s listeners heard. */
  long heard(String node, Class<? extends OpenChannelEvent> type) {
    return nodes.get(node).heard(type);
  }

  OpenChannel oc(String node) {
    return nodes.get(node).oc;
  }

  /** Creates agents (available, capacity {@code capacity} on Telegram), a queue of them, the account. */
  void setUp(Queue queue, int capacity, String... agents) {
    OpenChannel first = nodes.values().iterator().next().oc;
    List<QueueMember> members = new ArrayList<>();
    for (String a : agents) {
      first.agents().create(Agent.of(AgentId.of(a), a).withCapacity(Map.of(ChannelType.TELEGRAM,
          capacity)).withPermissions(Set.of(Permission.TRANSFER)));
      first.routing().setPresence(AgentId.of(a), Presence.AVAILABLE);
      members.add(QueueMember.of(AgentId.of(a)));
    }
    first.queues().create(queue.withMembers(members));
    first.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot",
        AccountSettings.builder().replyUrl("https://api.example.org/bot").queue(queue.id())
            .transferAllowed(true).build()));
    settle();
  }

  /** A new customer writes through {@code node}: a new interaction on the queued account. */
  InteractionId inbound(String node) {
    String chat = "c" + customers.incrementAndGet();
    return oc(node).receive(TG, InboundMessage.text("in-" + chat, SenderProfile.of(chat), "hello",
        clock.instant())).interaction().id();
  }

  /** Runs what is due on every engine that has not crashed, until nothing more is due now. */
  void runDue() {
    for (int round = 0; round < 1000; round++) {
      int ran = 0;
      for (Node n : nodes.values()) {
        if (!n.crashed) {
          ran += n.scheduler.runDue();
        }
      }
      if (ran == 0) {
        return;
      }
    }
    throw new AssertionError("the engines keep scheduling work due now");
  }

  /** Moves the clock by {@code amount}, stopping at each due task of a running engine. */
  void pass(Duration amount) {
    Instant target = clock.instant().plus(amount);
    while (true) {
      Optional<Instant> next = nodes.values().stream().filter(n -> !n.crashed)
          .map(n -> n.scheduler.nextDue()).flatMap(Optional::stream).min(Instant::compareTo);
      if (next.isEmpty() || next.get().isAfter(target)) {
        clock.set(target);
        runDue();
        return;
      }
      if (next.get().isAfter(clock.instant())) {
        clock.set(next.get());
      }
      runDue();
    }
  }

  /** Lets every engine hear every other (two polls). */
  void settle() {
    pass(POLL.multipliedBy(3));
  }

  /** How many events of {@code type} (the record's simple name) the database's log holds. */
  int logged(String type) {
    return count("SELECT COUNT(*) FROM oc_event WHERE body LIKE ?", "%\"type\":\"" + type + "\"%");
  }

  int count(String sql, Object... params) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Node n : nodes.values()) {
      try {
        n.oc.close();
      } catch (RuntimeException e) {
        System.err.println("closing " + n.name + ": " + e);
      }
    }
    db.close();
  }
}
