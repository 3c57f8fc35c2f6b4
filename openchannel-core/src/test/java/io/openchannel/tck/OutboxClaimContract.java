package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.store.OutboxClaim;
import io.openchannel.spi.store.OutboxClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Outbox claims ({@link io.openchannel.spi.store.Store#outboxClaims()}): an interaction's outbox
 * is held by one engine at a time until its lease lapses; its owner renews it; a release frees it
 * at once, or at a retry time that holds everyone back and keeps the attempts; the sweep
 * ({@code claimDue}) takes only interactions with queued messages whose claims lapsed, oldest
 * first, and engines that sweep or claim at once on real threads never hold one outbox together.
 */
public abstract class OutboxClaimContract extends StoreContractSupport {
  private static final Instant LATER = T0.plus(Duration.ofMinutes(1));

  private OutboxClaims claims() {
    return store.outboxClaims();
  }

  private Interaction givenQueued() {
    Interaction interaction = givenInteraction();
    inTransaction(tx -> tx.messages().insert(fixtures.outbound(interaction)));
    return interaction;
  }

  @Test
  void aClaimIsExclusiveUntilItsLeaseLapses() {
    InteractionId id = givenQueued().id();

    assertThat(claims().tryClaim(id, "a", T0, LATER)).hasValueSatisfying(c -> {
      assertThat(c.owner()).isEqualTo("a");
      assertThat(c.leaseUntil()).isEqualTo(LATER);
      assertThat(c.attempts()).isZero();
    });
    assertThat(claims().tryClaim(id, "b", T0, LATER)).isEmpty();
    assertThat(claims().tryClaim(id, "b", LATER.minusMillis(1), LATER)).isEmpty();
    assertThat(claims().tryClaim(id, "b", LATER, LATER.plusSeconds(60)))
        .map(OutboxClaim::owner).hasValue("b");
    assertThat(claims().tryClaim(id, "a", LATER, LATER.plusSeconds(60))).isEmpty();
  }

  @Test
  void theOwnerRenewsItsLiveClaim() {
    InteractionId id = givenQueued().id();
    claims().tryClaim(id, "a", T0, LATER);

    assertThat(claims().tryClaim(id, "a", T0.plusSeconds(30), LATER.plusSeconds(30)))
        .map(OutboxClaim::leaseUntil).hasValue(LATER.plusSeconds(30));
    assertThat(claims().tryClaim(id, "b", LATER, LATER.plusSeconds(60))).isEmpty();
  }

  @Test
  void anInteractionWithoutQueuedMessagesCanBeClaimedToo() {
    InteractionId id = givenInteraction().id();

    assertThat(claims().tryClaim(id, "a", T0, LATER)).isPresent();
  }

  @Test
  void aReleaseFreesTheClaimAtOnceButOnlyItsOwnerCanRelease() {
    InteractionId id = givenQueued().id();
    claims().tryClaim(id, "a", T0, LATER);

    claims().release(id, "b", 0, Optional.empty());
    assertThat(claims().tryClaim(id, "b", T0, LATER)).isEmpty();

    claims().release(id, "a", 0, Optional.empty());
    assertThat(claims().tryClaim(id, "b", T0, LATER)).isPresent();
  }

  @Test
  void aRetryTimeHoldsEveryoneBackAndKeepsTheAttempts() {
    InteractionId id = givenQueued().id();
    claims().tryClaim(id, "a", T0, LATER);
    Instant retryAt = T0.plusSeconds(10);

    claims().release(id, "a", 3, Optional.of(retryAt));

    assertThat(claims().tryClaim(id, "a", T0.plusSeconds(9), LATER)).isEmpty();
    assertThat(claims().tryClaim(id, "b", T0.plusSeconds(9), LATER)).isEmpty();
    assertThat(claims().tryClaim(id, "b", retryAt, LATER))
        .map(OutboxClaim::attempts).hasValue(3);
    claims().release(id, "b", 0, Optional.empty());
    assertThat(claims().tryClaim(id, "a", retryAt, LATER))
        .map(OutboxClaim::attempts).hasValue(0);
  }

  @Test
  void theSweepTakesQueuedInteractionsOldestFirstAndLeavesLiveClaimsAlone() {
    InteractionId first = givenQueued().id();
    InteractionId held = givenQueued().id();
    InteractionId third = givenQueued().id();
    InteractionId idle = givenInteraction().id();
    claims().tryClaim(held, "a", T0, LATER);

    List<OutboxClaim> swept = claims().claimDue(10, "a", T0, LATER);

    assertThat(swept).extracting(OutboxClaim::interaction).containsExactly(first, third);
    assertThat(swept).allSatisfy(c -> assertThat(c.owner()).isEqualTo("a"));
    assertThat(claims().claimDue(10, "b", T0, LATER)).isEmpty();
    assertThat(claims().tryClaim(idle, "b", T0, LATER)).isPresent();
    assertThat(claims().claimDue(10, "b", LATER, LATER.plusSeconds(60)))
        .extracting(OutboxClaim::interaction).containsExactly(first, held, third);
  }

  @Test
  void theSweepRespectsItsLimitAndRetryTimes() {
    InteractionId first = givenQueued().id();
    InteractionId second = givenQueued().id();
    InteractionId third = givenQueued().id();
    claims().tryClaim(first, "a", T0, LATER);
    claims().release(first, "a", 1, Optional.of(T0.plusSeconds(10)));

    assertThat(claims().claimDue(1, "b", T0, LATER))
        .extracting(OutboxClaim::interaction).containsExactly(second);
    assertThat(claims().claimDue(5, "b", T0.plusSeconds(10), LATER))
        .extracting(OutboxClaim::interaction).containsExactly(first, third);
  }

  @Test
  void aSentMessageLeavesTheSweep() {
    Interaction interaction = givenInteraction();
    Message queued = inTransaction(tx -> tx.messages().insert(fixtures.outbound(interaction)));
    inTransaction(tx -> tx.messages().update(
        queued.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of("sent-1"))));

    assertThat(claims().claimDue(10, "a", T0, LATER)).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void enginesSweepingAtOnceGetDisjointClaims() throws Exception {
    Set<InteractionId> queued = new HashSet<>();
    for (int i = 0; i < 24; i++) {
      queued.add(givenQueued().id());
    }
    int engines = 4;
    ExecutorService threads = Executors.newFixedThreadPool(engines);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<OutboxClaim>>> results = new ArrayList<>();
    try {
      for (int e = 0; e < engines; e++) {
        String owner = "engine-" + e;
        results.add(threads.submit(() -> {
          go.await();
          List<OutboxClaim> mine = new ArrayList<>();
          List<OutboxClaim> batch;
          while (!(batch = claims().claimDue(3, owner, T0, LATER)).isEmpty()) {
            mine.addAll(batch);
          }
          return mine;
        }));
      }
      go.countDown();
      List<InteractionId> all = new ArrayList<>();
      for (Future<List<OutboxClaim>> result : results) {
        result.get().forEach(c -> all.add(c.interaction()));
      }
      assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void enginesClaimingOnRealThreadsNeverHoldOneOutboxTogether() throws Exception {
    List<InteractionId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(givenQueued().id());
    }
    Map<InteractionId, String> holder = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    AtomicInteger held = new AtomicInteger();
    int engines = 3;
    ExecutorService threads = Executors.newFixedThreadPool(engines);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int e = 0; e < engines; e++) {
        String owner = "engine-" + e;
        done.add(threads.submit(() -> {
          go.await();
          for (int round = 0; round < 60; round++) {
            InteractionId id = ids.get(round % ids.size());
            if (claims().tryClaim(id, owner, T0, LATER).isPresent()) {
              held.incrementAndGet();
              String before = holder.putIfAbsent(id, owner);
              if (before != null && !before.equals(owner)) {
                overlaps.add(id + " held by " + before + " and " + owner);
              }
              Thread.yield(); // hold it a moment, so that a wrong second claim overlaps
              holder.remove(id, owner);
              claims().release(id, owner, 0, Optional.empty());
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(overlaps).isEmpty();
      assertThat(held.get()).isPositive();
    } finally {
      threads.shutdownNow();
    }
  }
}
