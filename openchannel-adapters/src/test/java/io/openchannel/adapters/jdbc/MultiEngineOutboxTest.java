package io.openchannel.adapters.jdbc;

import static io.openchannel.adapters.jdbc.ClusterFixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Uninterruptibles;
import io.openchannel.OpenChannel;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.spi.store.Store;
import io.openchannel.tck.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two and three engines on one PostgreSQL database, each with its own store object, scheduler and
 * memory as separate JVMs would have: every queued message is sent once, in order per
 * interaction, and an engine that stops in the middle of a send has its message sent by another
 * once its lease lapsed.
 */
@DatabaseServer(TestDatabase.Engine.POSTGRESQL)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiEngineOutboxTest {

  private static EventListener onSent(CountDownLatch latch) {
    return e -> {
      if (e instanceof DeliveryStatusChanged d && d.status() == DeliveryStatus.SENT) {
        latch.countDown();
      }
    };
  }

  @Test
  void threeEnginesSendingAtOnceSendEachMessageOnceAndInOrder() throws Exception {
    int interactions = 6;
    int repliesPerEngine = 4;
    int engineCount = 3;
    int total = interactions * repliesPerEngine * engineCount;
    CountingConnector platform = new CountingConnector();
    CountDownLatch allSent = new CountDownLatch(total);
    Clock clock = Clock.systemUTC();
    try (TestDatabase db = TestDatabase.fresh(TestDatabase.Engine.POSTGRESQL);
        ClusterFixture cluster = new ClusterFixture()) {
      List<OpenChannel> engines = new ArrayList<>();
      for (int e = 0; e < engineCount; e++) {
        engines.add(cluster.engine("engine-" + e, JdbcStore.builder(db.dataSource()).build(), clock,
            Duration.ofSeconds(60), Optional.of(platform.sharing(m -> Thread.yield())),
            onSent(allSent)));
      }
      ClusterFixture.setUp(engines.get(0));
      List<InteractionId> chats = new ArrayList<>();
      for (int i = 0; i < interactions; i++) {
        chats.add(conversation(engines.get(i % engineCount), clock, "chat-" + i));
      }

      // Every engine's agent desk answers every conversation at once, so the engines compete for
      // the same outboxes: the one that stored a message, and the others' sweeps.
      ExecutorService threads = Executors.newFixedThreadPool(engineCount);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (OpenChannel oc : engines) {
        done.add(threads.submit(() -> {
          go.await();
          for (int r = 0; r < repliesPerEngine; r++) {
            for (InteractionId chat : chats) {
              oc.desk(ClusterFixture.ANN).sendText(chat, "reply " + r);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();

      assertThat(allSent.await(60, TimeUnit.SECONDS)).as("all %d messages sent", total).isTrue();
      assertThat(platform.counts()).hasSize(total);
      assertThat(platform.counts().values()).as("sends per message").containsOnly(1);
      Store store = JdbcStore.builder(db.dataSource()).build();
      for (InteractionId chat : chats) {
        List<MessageId> stored = store.read(tx -> tx.messages().listByInteraction(chat)).stream()
            .filter(m -> m.deliveryStatus().isPresent()).map(Message::id).toList();
        assertThat(platform.order.get(chat)).as("send order of %s", chat).isEqualTo(stored);
        assertThat(store.read(tx -> tx.messages().listByInteraction(chat)).stream()
            .filter(m -> m.deliveryStatus().isPresent()))
            .allSatisfy(m -> assertThat(m.deliveryStatus()).contains(DeliveryStatus.SENT));
      }
    }
  }

  @Test
  void aMessageWhoseEngineStoppedMidSendIsSentByAnotherOnceTheLeaseLapses() throws Exception {
    ManualClock clock = new ManualClock();
    Duration lease = Duration.ofSeconds(30);
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch hang = new CountDownLatch(1);
    CountingConnector platform = new CountingConnector();
    CountDownLatch sentByB = new CountDownLatch(1);
    try (TestDatabase db = TestDatabase.fresh(TestDatabase.Engine.POSTGRESQL);
        ClusterFixture cluster = new ClusterFixture()) {
      // A's platform call hangs: A is as good as dead from the moment it started sending.
      OpenChannel a = cluster.engine("a", JdbcStore.builder(db.dataSource()).build(), clock, lease,
          Optional.of(platform.sharing(m -> {
            sending.countDown();
            // Closing A interrupts its thread; a dead process would not come back either.
            Uninterruptibles.awaitUninterruptibly(hang);
          })));
      OpenChannel b = cluster.engine("b", JdbcStore.builder(db.dataSource()).build(), clock, lease,
          Optional.of(platform.sharing(m -> { })), onSent(sentByB));
      ClusterFixture.setUp(a);
      InteractionId chat = conversation(a, clock, "42");

      Message reply = a.desk(ClusterFixture.ANN).sendText(chat, "are you there?");
      assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
      a.close();
      clock.advance(lease.minusSeconds(1));
      assertThat(sentByB.await(200, TimeUnit.MILLISECONDS)).as("B waits for A's lease").isFalse();

      clock.advance(Duration.ofSeconds(1));

      assertThat(sentByB.await(30, TimeUnit.SECONDS)).as("B sends once A's lease lapsed").isTrue();
      assertThat(platform.counts()).containsEntry(reply.id(), 1);
      assertThat(b.interactions().messages(chat).stream()
          .filter(m -> m.id().equals(reply.id())).findFirst().orElseThrow().deliveryStatus())
          .contains(DeliveryStatus.SENT);
    } finally {
      hang.countDown();
    }
  }
}
