package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Presence;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions on several threads: a transaction's writes stay invisible to other threads until
 * it commits, and then appear all at once; concurrent read-modify-write cycles that retry on
 * {@link ConcurrentUpdateException} lose no update; and of several threads racing to take one
 * unique value, exactly one wins. A reader on another thread may either wait for the open
 * transaction (the in-memory store does) or read the last committed state (MVCC databases do);
 * the kit accepts both but never a view of uncommitted writes. The tests use real threads and
 * latches, never sleeps; the timeout only guards against a store that deadlocks.
 */
@Timeout(60)
public abstract class IsolationContract extends StoreContractSupport {
  private static final int THREADS = 8;
  private static final int INCREMENTS = 200;

  /** How the other thread reads. */
  enum ReadVia { READ, IN_TRANSACTION }

  @ParameterizedTest
  @EnumSource(ReadVia.class)
  void writesOfAnOpenTransactionAreInvisibleToOtherThreads(ReadVia via) throws Exception {
    Account account = givenAccount();
    ChannelIdentity identity = fixtures.identity(account);
    Agent agent = givenAgent();
    Contact contact = fixtures.contact(identity).withField("phone", "+111");
    Function<StoreTransaction, List<Object>> look = tx -> List.of(
        tx.contacts().find(contact.id()), tx.contacts().findByIdentity(identity),
        tx.contacts().findByField("phone", "+111"), tx.agents().find(agent.id()));
    List<Object> committed = read(look);
    List<Background<List<Object>>> readers = new ArrayList<>();

    inFailedTransaction(tx -> {
      tx.contacts().insert(contact);
      tx.agents().update(agent.withPresence(Presence.PAUSED));
      readers.add(Background.start(() -> via == ReadVia.READ ? read(look) : inTransaction(look)));
      readers.get(0).awaitStartedThenFinishedOrParked();
    });

    assertThat(readers.get(0).join()).isEqualTo(committed);
  }

  @Test
  void aReaderOnAnotherThreadSeesAllOfACommitOrNothingOfIt() throws Exception {
    Agent agent = givenAgent();
    Account account = fixtures.account();
    Function<StoreTransaction, List<Object>> look = tx -> List.of(
        tx.accounts().find(account.id()).isPresent(), tx.agents().find(agent.id()).orElseThrow());
    List<Background<List<Object>>> readers = new ArrayList<>();

    Agent paused = inTransaction(tx -> {
      tx.accounts().insert(account);
      Agent updated = tx.agents().update(agent.withPresence(Presence.PAUSED));
      readers.add(Background.start(() -> read(look)));
      readers.get(0).awaitStartedThenFinishedOrParked();
      return updated;
    });

    assertThat(readers.get(0).join()).isIn(List.of(false, agent), List.of(true, paused));
    assertThat(Background.start(() -> read(look)).join()).isEqualTo(List.of(true, paused));
  }

  @Test
  void concurrentReadModifyWriteCyclesLoseNoUpdate() throws Exception {
    Agent agent = givenAgent().withCapacity(Map.of(ChannelType.GENERIC, 0));
    Agent start = inTransaction(tx -> tx.agents().update(agent));

    race(() -> {
      for (int i = 0; i < INCREMENTS; i++) {
        retryingOnConcurrentUpdate(() -> inTransaction(tx -> {
          Agent current = tx.agents().find(start.id()).orElseThrow();
          int capacity = current.capacityFor(ChannelType.GENERIC);
          return tx.agents().update(current.withCapacity(Map.of(ChannelType.GENERIC, capacity + 1)));
        }));
      }
      return null;
    });

    Agent end = read(tx -> tx.agents().find(start.id()).orElseThrow());
    assertThat(end.capacityFor(ChannelType.GENERIC)).isEqualTo(THREADS * INCREMENTS);
    assertThat(end.version()).isEqualTo(start.version() + THREADS * INCREMENTS);
  }

  @Test
  void ofThreadsRacingToInsertOneConversationKeyExactlyOneWins() throws Exception {
    Account account = givenAccount();
    Contact contact = givenContact();
    ConversationKey key = ConversationKey.direct(account.id(), "psid-race");

    List<Optional<Conversation>> outcomes = race(() -> attempt(() -> inTransaction(tx ->
        tx.conversations().insert(fixtures.conversation(key, contact)))));

    assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(find(tx -> tx.conversations().findByKey(key)))
        .isEqualTo(outcomes.stream().flatMap(Optional::stream).findFirst());
  }

  @Test
  void ofThreadsRacingToStoreOneChannelMessageIdExactlyOneWins() throws Exception {
    Interaction interaction = givenInteraction();

    List<Optional<Message>> outcomes = race(() -> attempt(() -> inTransaction(tx ->
        tx.messages().insert(fixtures.message(interaction, "mid.race")))));

    assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id())))
        .containsExactlyElementsOf(outcomes.stream().flatMap(Optional::stream).toList());
  }

  /** Runs {@code body} on {@value #THREADS} threads released together; returns their results. */
  private static <T> List<T> race(Callable<T> body) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Background<T>> racers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      racers.add(Background.start(() -> {
        go.await();
        return body.call();
      }));
    }
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Background<T> racer : racers) {
      results.add(racer.join());
    }
    return results;
  }

  /** The value, or empty if the store said another thread won. */
  private static <T> Optional<T> attempt(Callable<T> body) throws Exception {
    try {
      return Optional.of(body.call());
    } catch (ConcurrentUpdateException lost) {
      return Optional.empty();
    }
  }

  private static <T> T retryingOnConcurrentUpdate(Callable<T> body) throws Exception {
    for (int attempt = 1; attempt <= 10_000; attempt++) {
      Optional<T> result = attempt(body);
      if (result.isPresent()) {
        return result.get();
      }
    }
    return fail("10,000 attempts in a row lost to concurrent updates: the store starves writers");
  }
}
