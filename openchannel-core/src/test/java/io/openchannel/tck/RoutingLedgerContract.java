package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RescindReason;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.store.WaitingEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The routing ledger ({@link io.openchannel.spi.store.Store#routingLedger()}): an offer ends
 * once, whoever ends it and however many threads try at once; its writes join the caller's
 * transaction; queue entries keep queue order and are replaced per stay; queues keep their
 * settings and optimistic version; the router lease goes to one engine at a time, each new holder
 * with a higher epoch, and an old holder's fence and renewal fail. Run it on a store whose
 * {@code routingLedger()} is present.
 */
public abstract class RoutingLedgerContract extends StoreContractSupport {
  private static final int THREADS = 8;
  private static final InteractionId X = InteractionId.of("x-1");
  private static final QueueId Q = QueueId.of("sales");

  private RoutingLedger ledger() {
    return store.routingLedger().orElseThrow(() -> new AssertionError(
        "the store under test keeps no routing ledger; build it with routing in the store"));
  }

  private static Offer offer(String id, String agent, Instant at) {
    return Offer.pending(OfferId.of(id), X, AgentId.of(agent), Q, at, at.plusSeconds(30));
  }

  /** A committed transaction's yes or no (typed, so that AssertJ picks the boolean assertions). */
  private boolean committed(Function<StoreTransaction, Boolean> work) {
    return inTransaction(work);
  }

  /** Runs the work again when the store reports a lost race, as the engine does. */
  private <T> T retrying(Function<StoreTransaction, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.inTransaction(work);
      } catch (ConcurrentUpdateException e) {
        if (attempt == 20) {
          throw e;
        }
      }
    }
  }

  @Test
  void anOfferEndsOnceAndKeepsItsFirstEnd() {
    inTransaction(tx -> { ledger().insertOffer(tx, offer("o1", "ann", T0)); return null; });

    assertThat(committed(tx -> ledger().endOffer(tx, OfferId.of("o1"), OfferState.ACCEPTED,
        Optional.empty(), T0.plusSeconds(5)))).isTrue();
    assertThat(committed(tx -> ledger().endOffer(tx, OfferId.of("o1"), OfferState.TIMED_OUT,
        Optional.empty(), T0.plusSeconds(30)))).isFalse();

    assertThat(find(tx -> ledger().findOffer(tx, OfferId.of("o1")))).hasValueSatisfying(o -> {
      assertThat(o.state()).isEqualTo(OfferState.ACCEPTED);
      assertThat(o.endedAt()).hasValue(T0.plusSeconds(5));
      assertThat(o.agent()).isEqualTo(AgentId.of("ann"));
      assertThat(o.queue()).isEqualTo(Q);
      assertThat(o.expiresAt()).isEqualTo(T0.plusSeconds(30));
    });
    assertThat(committed(tx -> ledger().endOffer(tx, OfferId.of("nope"), OfferState.REJECTED,
        Optional.empty(), T0))).as("an unknown offer").isFalse();
  }

  @Test
  void aRescindKeepsItsReasonAndAnEndWithoutOneIsRefused() {
    inTransaction(tx -> { ledger().insertOffer(tx, offer("o1", "ann", T0)); return null; });

    assertThatThrownBy(() -> inTransaction(tx -> ledger().endOffer(tx, OfferId.of("o1"),
        OfferState.RESCINDED, Optional.empty(), T0))).isInstanceOf(InvalidInputException.class);
    inTransaction(tx -> ledger().endOffer(tx, OfferId.of("o1"), OfferState.RESCINDED,
        Optional.of(RescindReason.TAKEN_BY_OTHER_AGENT), T0.plusSeconds(1)));

    assertThat(find(tx -> ledger().findOffer(tx, OfferId.of("o1"))).orElseThrow().rescindReason())
        .hasValue(RescindReason.TAKEN_BY_OTHER_AGENT);
  }

  @Test
  void ledgerWritesRollBackWithTheirTransaction() {
    inFailedTransaction(tx -> {
      ledger().insertOffer(tx, offer("o1", "ann", T0));
      ledger().putWaiting(tx, new WaitingEntry(X, Q, 0, T0));
    });

    assertThat(find(tx -> ledger().findOffer(tx, OfferId.of("o1")))).isEmpty();
    assertThat(list(tx -> ledger().waiting(tx))).isEmpty();
  }

  @Test
  void pendingOffersAreListedOldestFirstAndEndedOnesStayInTheHistory() {
    inTransaction(tx -> {
      ledger().insertOffer(tx, offer("o2", "bob", T0.plusSeconds(2)));
      ledger().insertOffer(tx, offer("o1", "ann", T0.plusSeconds(1)));
      ledger().insertOffer(tx, offer("o3", "ann", T0.plusSeconds(3)));
      return ledger().endOffer(tx, OfferId.of("o3"), OfferState.REJECTED, Optional.empty(),
          T0.plusSeconds(4));
    });

    assertThat(list(tx -> ledger().pendingOffers(tx))).extracting(o -> o.id().value())
        .containsExactly("o1", "o2");
    assertThat(list(tx -> ledger().pendingOffersOf(tx, AgentId.of("ann"))))
        .extracting(o -> o.id().value()).containsExactly("o1");
    assertThat(list(tx -> ledger().offersFor(tx, X))).extracting(o -> o.id().value())
        .containsExactly("o1", "o2", "o3");
  }

  @Test
  void offersThatEndedBeforeTheCutOffArePrunedPendingOnesStay() {
    inTransaction(tx -> {
      ledger().insertOffer(tx, offer("old", "ann", T0));
      ledger().insertOffer(tx, offer("recent", "ann", T0));
      ledger().insertOffer(tx, offer("pending", "ann", T0));
      ledger().endOffer(tx, OfferId.of("old"), OfferState.TIMED_OUT, Optional.empty(), T0.plusSeconds(30));
      return ledger().endOffer(tx, OfferId.of("recent"), OfferState.REJECTED, Optional.empty(),
          T0.plusSeconds(90));
    });

    assertThat(ledger().pruneOffers(T0.plusSeconds(60))).isEqualTo(1);

    assertThat(list(tx -> ledger().offersFor(tx, X))).extracting(o -> o.id().value())
        .containsExactlyInAnyOrder("recent", "pending");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void ofEightThreadsEndingOneOfferAtOnceExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 25; round++) {
        OfferId id = OfferId.of("race-" + round);
        inTransaction(tx -> {
          ledger().insertOffer(tx, Offer.pending(id, X, AgentId.of("ann"), Q, T0, T0.plusSeconds(9)));
          return null;
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          OfferState end = t % 2 == 0 ? OfferState.ACCEPTED : OfferState.TIMED_OUT;
          tries.add(pool.submit(() -> {
            start.await();
            return retrying(tx -> ledger().endOffer(tx, id, end, Optional.empty(), T0.plusSeconds(1)));
          }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : tries) {
          winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
        assertThat(find(tx -> ledger().findOffer(tx, id)).orElseThrow().isPending()).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void queueEntriesKeepQueueOrderAndANewStayReplacesTheOld() {
    InteractionId a = InteractionId.of("a");
    InteractionId b = InteractionId.of("b");
    InteractionId c = InteractionId.of("c");
    inTransaction(tx -> {
      ledger().putWaiting(tx, new WaitingEntry(a, Q, 0, T0.plusSeconds(1)));
      ledger().putWaiting(tx, new WaitingEntry(b, Q, 0, T0));
      ledger().putWaiting(tx, new WaitingEntry(c, QueueId.of("vip"), 5, T0.plusSeconds(9)));
      return null;
    });
    assertThat(list(tx -> ledger().waiting(tx))).extracting(WaitingEntry::interaction)
        .containsExactly(c, b, a);

    inTransaction(tx -> {
      ledger().putWaiting(tx, new WaitingEntry(b, QueueId.of("vip"), 5, T0.plusSeconds(10)));
      return null;
    });
    assertThat(find(tx -> ledger().findWaiting(tx, b))).hasValue(
        new WaitingEntry(b, QueueId.of("vip"), 5, T0.plusSeconds(10)));
    assertThat(committed(tx -> ledger().removeWaiting(tx, c))).isTrue();
    assertThat(committed(tx -> ledger().removeWaiting(tx, c))).isFalse();
    assertThat(list(tx -> ledger().waiting(tx))).extracting(WaitingEntry::interaction)
        .containsExactly(b, a);
  }

  @Test
  void queuesKeepEverySettingAndTheirVersion() {
    Queue q = Queue.of(Q, "Sales", List.of(QueueMember.of(AgentId.of("ann")),
            new QueueMember(AgentId.of("bob"), 3)))
        .withStrategy(RoutingStrategy.LINEAR).withOfferTimeout(Duration.ofMillis(1500))
        .withPriority(4).withOverflow(Duration.ofMinutes(2), QueueId.of("backup"))
        .withRequiredSkills(Set.of("es"));

    Queue created = inTransaction(tx -> ledger().createQueue(tx, q));
    assertThat(created).isEqualTo(q.withVersion(0));
    assertThat(find(tx -> ledger().findQueue(tx, Q))).hasValue(created);
    assertThatThrownBy(() -> inTransaction(tx -> ledger().createQueue(tx, q)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");

    Queue updated = inTransaction(tx -> ledger().updateQueue(tx, created.withPriority(1)));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(list(tx -> ledger().queues(tx))).containsExactly(updated);
    assertThatThrownBy(() -> inTransaction(tx -> ledger().updateQueue(tx, created)))
        .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("version 1, yours 0");
    assertThatThrownBy(() -> inTransaction(tx -> ledger().updateQueue(tx,
        Queue.of(QueueId.of("ghost"), "Ghost", List.of())))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void openInteractionsAreListedAndAnAgentsAssignedWorkIsCountedPerChannel() {
    io.openchannel.routing.Agent agent = givenAgent();
    io.openchannel.interaction.Interaction open = givenInteraction();
    io.openchannel.interaction.Interaction owned = inTransaction(tx ->
        tx.interactions().update(givenInteraction().withOwner(agent.id())));
    io.openchannel.interaction.Interaction closed = givenInteraction();
    inTransaction(tx -> tx.interactions().update(closed.closed(T0.plusSeconds(5), Optional.empty())));
    io.openchannel.account.ChannelType channel = read(tx ->
        tx.accounts().find(owned.account()).orElseThrow().type());
    io.openchannel.account.ChannelType other = channel == io.openchannel.account.ChannelType.SMS
        ? io.openchannel.account.ChannelType.TELEGRAM : io.openchannel.account.ChannelType.SMS;

    assertThat(list(tx -> ledger().openInteractions(tx))).contains(open.id(), owned.id())
        .doesNotContain(closed.id());
    int onChannel = inTransaction(tx -> ledger().lockAndCountAssigned(tx, agent.id(), channel));
    int onOther = inTransaction(tx -> ledger().lockAndCountAssigned(tx, agent.id(), other));
    assertThat(onChannel).isEqualTo(1);
    assertThat(onOther).isZero();
  }

  @Test
  void aSignalledChangeMovesTheLeasesCounterAndRollsBackWithItsTransaction() {
    long before = ledger().lease().changes();
    inTransaction(tx -> { ledger().signalChange(tx); return null; });
    inFailedTransaction(tx -> ledger().signalChange(tx));

    assertThat(ledger().lease().changes()).isEqualTo(before + 1);
  }

  @Test
  void theLeaseGoesToOneNodeAtATimeAndEachHolderGetsAHigherEpoch() {
    Instant lapse = T0.plusSeconds(15);
    long first = ledger().acquireLease("a", T0, lapse).orElseThrow();
    assertThat(ledger().acquireLease("b", T0.plusSeconds(14), lapse.plusSeconds(14))).isEmpty();
    assertThat(ledger().renewLease("a", first, lapse.plusSeconds(10))).isTrue();
    assertThat(ledger().acquireLease("b", lapse, lapse.plusSeconds(15))).as("renewed").isEmpty();

    long second = ledger().acquireLease("b", lapse.plusSeconds(10), lapse.plusSeconds(25))
        .orElseThrow();
    assertThat(second).isGreaterThan(first);
    assertThat(ledger().lease().node()).isEqualTo("b");
    assertThat(ledger().renewLease("a", first, lapse.plusSeconds(40))).isFalse();
    assertThat(committed(tx -> ledger().fence(tx, "a", first))).isFalse();
    assertThat(committed(tx -> ledger().fence(tx, "b", second))).isTrue();

    ledger().releaseLease("a", first);
    assertThat(ledger().lease().epoch()).as("a stale release does nothing").isEqualTo(second);
    ledger().releaseLease("b", second);
    assertThat(ledger().acquireLease("a", lapse.plusSeconds(11), lapse.plusSeconds(26)))
        .hasValueSatisfying(e -> assertThat(e).isGreaterThan(second));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void ofEightNodesTakingAFreeLeaseAtOnceExactlyOneGetsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      Instant now = T0;
      for (int round = 0; round < 10; round++) {
        Instant at = now;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Long>>> tries = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String node = "n" + t;
          tries.add(pool.submit(() -> {
            start.await();
            return ledger().acquireLease(node, at, at.plusSeconds(15));
          }));
        }
        start.countDown();
        int holders = 0;
        for (Future<Optional<Long>> f : tries) {
          holders += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertThat(holders).as("round %d", round).isEqualTo(1);
        now = now.plusSeconds(15);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
