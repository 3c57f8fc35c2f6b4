package io.openchannel.spi.store;

import io.openchannel.interaction.InteractionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases on interactions' outboxes, so that several engines on one database send each queued
 * message once: an engine sends an interaction's {@code QUEUED} messages only while it holds
 * that interaction's claim. Claims are per interaction, not per message, because an
 * interaction's messages go out in order, one at a time.
 *
 * <p>Every method is its own short transaction, committed before it returns (a claim must be
 * visible to the other engines before the send it guards). A claim is free when it does not
 * exist, when its lease has lapsed ({@code leaseUntil <= now}), or when its owner asks again; a
 * claim released with a retry time is not free before that time, whoever asks, which makes the
 * retry of a transient failure a timer that fires once in the cluster.
 *
 * <p>What this guarantees: two engines never hold one interaction's claim at the same time, as
 * long as each engine's sends end before its lease does (engines renew the lease before each
 * message and pick a lease well above the connector's timeout). An engine that dies mid-send
 * leaves its claim to lapse; another engine then sends the head message again (at-least-once to
 * the platform, as after a restart).
 *
 * <p>Implementations are thread-safe and pass the kit's {@code OutboxClaimContract}.
 */
public interface OutboxClaims {
  /**
   * Claims (or, for its owner, renews) the outbox of {@code interaction} until
   * {@code leaseUntil}, if it is free at {@code now}. Works whether or not the interaction has
   * queued messages.
   *
   * @return the claim, with the attempts recorded so far; empty if another engine holds it or
   *     its retry time has not come
   */
  Optional<OutboxClaim> tryClaim(InteractionId interaction, String owner, Instant now,
      Instant leaseUntil);

  /**
   * Claims up to {@code limit} interactions that have {@code QUEUED} messages and whose claims
   * have lapsed at {@code now} (or do not exist), oldest queued message first (a store may take
   * all lapsed claims before outboxes that have none, each group oldest first); live claims,
   * the caller's own too, are left alone. This is the sweep that finds work whose engine
   * died, whose retry is due, or that no engine was told about. Engines sweeping at once get
   * disjoint claims.
   */
  List<OutboxClaim> claimDue(int limit, String owner, Instant now, Instant leaseUntil);

  /**
   * Gives up {@code owner}'s claim. With {@code retryAt}, nobody may claim the outbox before that
   * time, and {@code attempts} is kept for the next claim; without it the claim is simply free
   * (attempts back to 0). Does nothing if {@code owner} does not hold the claim (it lapsed and
   * another engine took it).
   */
  void release(InteractionId interaction, String owner, int attempts, Optional<Instant> retryAt);
}
