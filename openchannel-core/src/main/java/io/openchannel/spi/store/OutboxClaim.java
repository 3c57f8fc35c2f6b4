package io.openchannel.spi.store;

import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;

/**
 * One engine's hold on an interaction's outbox: until {@code leaseUntil} no other engine sends
 * that interaction's queued messages.
 *
 * @param interaction whose outbox is held
 * @param owner the engine that holds it ({@link io.openchannel.cluster.ClusterOptions#nodeId()})
 * @param leaseUntil when the hold lapses unless renewed; after it, any engine may claim
 * @param attempts transient send failures of the outbox's head message so far, kept across
 *     claims so that a retry on another engine keeps counting towards the limit
 */
public record OutboxClaim(InteractionId interaction, String owner, Instant leaseUntil,
    int attempts) {
  /** Validates the claim. */
  public OutboxClaim {
    Checks.notNull(interaction, "interaction");
    Checks.text(owner, "owner", false);
    Checks.notNull(leaseUntil, "leaseUntil");
    Checks.notNegative(attempts, "attempts");
  }
}
