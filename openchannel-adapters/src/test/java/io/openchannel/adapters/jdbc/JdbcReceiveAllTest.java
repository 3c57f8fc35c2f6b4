package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.OpenChannel;
import io.openchannel.ReceiveResult;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.query.InteractionQuery;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OpenChannel#receiveAll} on each database, where the batch takes the JDBC store's bulk
 * paths (arrays on PostgreSQL, JDBC batches elsewhere): what one-by-one stores, dedupe inside and
 * between batches, a failed batch leaves nothing, and batches racing on one conversation from
 * real threads lose and duplicate nothing.
 */
class JdbcReceiveAllTest {
  private static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");
  private final String p = "ra" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  private final AccountId account = AccountId.of(p + "-web");
  private final List<OpenChannelEvent> events = new CopyOnWriteArrayList<>();

  private OpenChannel engineOn(TestDatabase.Engine engine) {
    OpenChannel oc = secondEngineOn(engine);
    oc.accounts().create(Account.of(account, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply")
            .autoReply("Thanks, we will answer soon").build()));
    return oc;
  }

  /** Another engine on the same database, as another JVM would run it: no locks shared. */
  private OpenChannel secondEngineOn(TestDatabase.Engine engine) {
    JdbcStore store = JdbcStore.builder(TestDatabase.shared(engine).dataSource()).build();
    return OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).listener(events::add).build();
  }

  private InboundMessage text(String channelId, String sender, String text) {
    return InboundMessage.text(p + channelId, SenderProfile.of(p + sender, "Mia", "Rossi"), text,
        AT);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aBatchStoresEveryMessageOnceWithItsWordsInOrder(TestDatabase.Engine engine) {
    try (OpenChannel oc = engineOn(engine)) {
      ReceiveResult earlier = oc.receive(account, text("m0", "ann", "Hello there"));

      List<ReceiveResult> results = oc.receiveAll(account, List.of(
          text("m1", "ann", "Where is my parcel"), text("m2", "bo", "Refund please"),
          text("m1", "ann", "Where is my parcel"), text("m0", "ann", "Hello there"),
          text("m3", "ann", "Tracking number zx81")));

      assertThat(results).extracting(ReceiveResult::duplicate)
          .containsExactly(false, false, true, true, false);
      assertThat(results.get(1).newInteraction()).isTrue();
      assertThat(results.get(3).message()).isEqualTo(earlier.message());
      InteractionId ann = earlier.interaction().id();
      assertThat(inbound(oc, ann)).containsExactly("Hello there", "Where is my parcel",
          "Tracking number zx81");
      assertThat(oc.interactions().get(ann)).isEqualTo(results.get(4).interaction());
      assertThat(oc.interactions().query(InteractionQuery.builder().accounts(account)
          .text("zx8").build()).rows()).extracting(r -> r.interaction().id()).containsExactly(ann);
    }
  }

  /** PostgreSQL gets the batch as text arrays: elements that look like array syntax stay text. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void textsThatLookLikeArraySyntaxOrNullComeBackExactly(TestDatabase.Engine engine) {
    List<String> texts = List.of("NULL", "null", "{a,b}", "\"quoted\", 'single'", "back\\slash",
        "  spaced  ", "emoji 🛍 مرحبا", "line\nbreak");
    try (OpenChannel oc = engineOn(engine)) {
      List<InboundMessage> batch = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        batch.add(text("w" + i, "NULL", texts.get(i)));
      }

      List<ReceiveResult> results = oc.receiveAll(account, batch);

      assertThat(inbound(oc, results.get(0).interaction().id())).isEqualTo(texts);
      assertThat(oc.interactions().query(InteractionQuery.builder().accounts(account)
          .text("slash").build()).rows()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aBatchWhoseAccountWasDisabledStoresNothing(TestDatabase.Engine engine) {
    try (OpenChannel oc = engineOn(engine)) {
      ReceiveResult earlier = oc.receive(account, text("m0", "ann", "Hello there"));
      oc.accounts().update(oc.accounts().get(account).withEnabled(false));
      events.clear();

      assertThatThrownBy(() -> oc.receiveAll(account, List.of(
          text("m1", "ann", "More"), text("m2", "bo", "New customer"))))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("message 1 of 2");

      assertThat(inbound(oc, earlier.interaction().id())).containsExactly("Hello there");
      assertThat(events).isEmpty();
    }
  }

  /**
   * Threads send overlapping batches for the same three customers at once, half of them through
   * a second engine on the same database (so only the database arbitrates between the two):
   * every channel message id ends up stored exactly once, in its customer's one interaction, and
   * each thread's own messages keep the order it sent them in.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void concurrentBatchesOnOneConversationLoseAndDuplicateNothing(TestDatabase.Engine engine)
      throws Exception {
    int threads = 4;
    int batches = 15;
    String[] senders = {"ann", "bo", "cy"};
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (OpenChannel oc = engineOn(engine); OpenChannel other = secondEngineOn(engine)) {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<List<ReceiveResult>>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          List<ReceiveResult> all = new ArrayList<>();
          for (int b = 0; b < batches; b++) {
            List<InboundMessage> batch = new ArrayList<>();
            for (String sender : senders) {
              batch.add(text("t" + thread + "-" + b + "-" + sender, sender, "own " + thread + " " + b));
              // Also sent by the next thread: one of the two stores it, the other sees a duplicate.
              batch.add(text("shared-" + ((thread + b) % threads) + "-" + b + "-" + sender, sender,
                  "shared " + b));
            }
            all.addAll((thread % 2 == 0 ? oc : other).receiveAll(account, batch));
          }
          return all;
        }));
      }
      List<ReceiveResult> results = new ArrayList<>();
      for (Future<List<ReceiveResult>> f : done) {
        results.addAll(f.get(2, TimeUnit.MINUTES));
      }

      Set<String> sent = new HashSet<>();
      results.forEach(r -> sent.add(r.message().channelMessageId().orElseThrow()));
      Set<InteractionId> interactions = new HashSet<>();
      results.forEach(r -> interactions.add(r.interaction().id()));
      assertThat(interactions).hasSize(senders.length);
      List<String> stored = new ArrayList<>();
      for (InteractionId id : interactions) {
        List<Message> in = oc.interactions().messages(id).stream()
            .filter(m -> m.direction() == Direction.IN).toList();
        in.forEach(m -> stored.add(m.channelMessageId().orElseThrow()));
        for (int t = 0; t < threads; t++) {
          String own = "own " + t + " ";
          assertThat(in.stream().map(Message::text).filter(x -> x.startsWith(own))
              .map(x -> Integer.parseInt(x.substring(own.length()))).toList())
              .as("thread %d's messages in its order", t).isSorted().hasSize(batches);
        }
      }
      assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
      long storedOnce = results.stream().filter(r -> !r.duplicate()).count();
      assertThat(storedOnce).isEqualTo(sent.size());
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
  }

  private static List<String> inbound(OpenChannel oc, InteractionId id) {
    return oc.interactions().messages(id).stream().filter(m -> m.direction() == Direction.IN)
        .map(Message::text).toList();
  }
}
