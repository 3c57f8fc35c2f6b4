package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.message.MessageId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engines on one database with {@code clusterEvents(true)}: an inbound message on engine A
 * reaches the listeners of engine B once, messages of one interaction in their order, and a
 * restarted engine (same node id) neither replays what it delivered nor skips what it missed.
 * PostgreSQL wakes readers with {@code NOTIFY}; MariaDB and H2 poll.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiEngineEventsTest {
  private static final Duration POLL = Duration.ofMillis(20);
  private final Clock clock = Clock.systemUTC();

  /** What one engine's listener heard: every MessageAdded, and a latch per expected count. */
  private static final class Heard implements EventListener {
    final List<MessageId> added = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch latch = new CountDownLatch(0);

    CountDownLatch expect(int count) {
      latch = new CountDownLatch(count);
      return latch;
    }

    @Override
    public void onEvent(OpenChannelEvent event) {
      if (event instanceof MessageAdded m) {
        added.add(m.message().id());
        latch.countDown();
      }
    }
  }

  private OpenChannel engine(TestDatabase db, String node, EventListener listener) {
    return engine(db, node, listener, POLL);
  }

  private OpenChannel engine(TestDatabase db, String node, EventListener listener,
      Duration poll) {
    return OpenChannel.builder()
        .store(JdbcStore.builder(db.dataSource()).clusterEvents(true).build())
        .blobStore(BlobStore.inMemory()).clock(clock)
        .cluster(ClusterOptions.defaults().withNodeId(node).withEventPoll(poll))
        .listener(listener).build();
  }

  private MessageId receive(OpenChannel oc, String chat, String id) {
    return oc.receive(ClusterFixture.TG, InboundMessage.text(id, SenderProfile.of(chat), "text " + id,
        clock.instant())).message().id();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void anInboundMessageOnOneEngineReachesTheOtherEnginesListenersOnceAndInOrder(
      TestDatabase.Engine kind) throws Exception {
    Heard onA = new Heard();
    Heard onB = new Heard();
    Heard onC = new Heard();
    try (TestDatabase db = TestDatabase.fresh(kind);
        OpenChannel a = engine(db, "a", onA);
        OpenChannel b = engine(db, "b", onB);
        OpenChannel c = engine(db, "c", onC)) {
      ClusterFixture.setUp(a);
      CountDownLatch bHeard = onB.expect(5);
      CountDownLatch cHeard = onC.expect(5);

      List<MessageId> sent = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        sent.add(receive(a, "42", "m" + i));
      }

      assertThat(bHeard.await(30, TimeUnit.SECONDS)).as("B heard all five").isTrue();
      assertThat(cHeard.await(30, TimeUnit.SECONDS)).as("C heard all five").isTrue();
      // One more event from B, heard by A and C, proves the earlier ones are not coming again.
      CountDownLatch aHeard = onA.expect(1);
      CountDownLatch cHeardMore = onC.expect(1);
      MessageId fromB = receive(b, "43", "b0");
      assertThat(aHeard.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cHeardMore.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(onB.added).containsExactlyElementsOf(withAfter(sent, fromB));
      assertThat(onC.added).containsExactlyElementsOf(withAfter(sent, fromB));
      assertThat(onA.added).as("A hears its own events once, from itself")
          .containsExactlyElementsOf(withAfter(sent, fromB));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = "POSTGRESQL")
  void onPostgresqlNotifyWakesTheOtherEngineWithoutWaitingForAPoll(TestDatabase.Engine kind)
      throws Exception {
    Heard onB = new Heard();
    Duration never = Duration.ofHours(1);
    try (TestDatabase db = TestDatabase.fresh(kind);
        OpenChannel a = engine(db, "a", e -> { }, never);
        OpenChannel b = engine(db, "b", onB, never)) {
      ClusterFixture.setUp(a);
      CountDownLatch heard = onB.expect(1);

      MessageId m = receive(a, "42", "m1");

      assertThat(heard.await(30, TimeUnit.SECONDS)).as("woken by NOTIFY, not a poll").isTrue();
      assertThat(onB.added).containsExactly(m);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void eventsCommittedAtOnceOnTwoEnginesAllReachTheThirdInOrderPerInteraction(
      TestDatabase.Engine kind) throws Exception {
    int perWriter = 3;
    int messagesEach = 8;
    int total = 2 * perWriter * messagesEach;
    Heard onC = new Heard();
    try (TestDatabase db = TestDatabase.fresh(kind);
        OpenChannel a = engine(db, "a", e -> { });
        OpenChannel b = engine(db, "b", e -> { });
        OpenChannel c = engine(db, "c", onC)) {
      ClusterFixture.setUp(a);
      CountDownLatch heard = onC.expect(total);
      Map<String, List<MessageId>> sentPerChat = new ConcurrentHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(2 * perWriter);
      List<Future<?>> done = new ArrayList<>();
      for (OpenChannel writer : List.of(a, b)) {
        for (int t = 0; t < perWriter; t++) {
          String chat = (writer == a ? "a-" : "b-") + t;
          done.add(threads.submit(() -> {
            for (int i = 0; i < messagesEach; i++) {
              sentPerChat.computeIfAbsent(chat, k -> new CopyOnWriteArrayList<>())
                  .add(receive(writer, chat, chat + "-m" + i));
            }
            return null;
          }));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();

      assertThat(heard.await(60, TimeUnit.SECONDS)).as("C heard all %d", total).isTrue();
      assertThat(onC.added).doesNotHaveDuplicates().hasSize(total);
      for (List<MessageId> sent : sentPerChat.values()) {
        assertThat(onC.added.stream().filter(sent::contains).toList())
            .as("order within one interaction").isEqualTo(sent);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.Engine.class, names = "H2")
  void eventsOlderThanTheRetentionArePruned(TestDatabase.Engine kind) throws Exception {
    try (TestDatabase db = TestDatabase.fresh(kind);
        OpenChannel a = engine(db, "a", e -> { })) {
      ClusterFixture.setUp(a);
      receive(a, "42", "m1");
      EventLog log = JdbcStore.builder(db.dataSource()).clusterEvents(true)
          .eventRetention(Duration.ofHours(1)).build().eventLog().orElseThrow();
      assertThat(log.readAfter(0, 100)).isNotEmpty();

      assertThat(log.prune(clock.instant())).as("nothing is an hour old yet").isZero();
      assertThat(log.prune(clock.instant().plus(Duration.ofHours(2)))).isPositive();

      assertThat(log.readAfter(0, 100)).isEmpty();
      assertThat(log.head()).as("numbering goes on after a prune").isPositive();
    }
  }

  private static List<MessageId> withAfter(List<MessageId> first, MessageId last) {
    List<MessageId> all = new ArrayList<>(first);
    all.add(last);
    return all;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aRestartedEngineGoesOnWhereItStoppedNeitherReplayingNorSkipping(TestDatabase.Engine kind)
      throws Exception {
    Heard onA = new Heard();
    Heard before = new Heard();
    Heard after = new Heard();
    try (TestDatabase db = TestDatabase.fresh(kind);
        OpenChannel a = engine(db, "a", onA)) {
      ClusterFixture.setUp(a);
      MessageId first;
      try (OpenChannel b = engine(db, "b", before)) {
        CountDownLatch heard = before.expect(1);
        first = receive(a, "42", "m1");
        assertThat(heard.await(30, TimeUnit.SECONDS)).isTrue();
      }
      MessageId whileDown = receive(a, "42", "m2");

      CountDownLatch heard = after.expect(1);
      try (OpenChannel b = engine(db, "b", after)) {
        assertThat(heard.await(30, TimeUnit.SECONDS)).isTrue();
        CountDownLatch more = after.expect(1);
        MessageId third = receive(a, "42", "m3");
        assertThat(more.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(before.added).containsExactly(first);
        assertThat(after.added).containsExactly(whileDown, third);
      }
    }
  }
}
