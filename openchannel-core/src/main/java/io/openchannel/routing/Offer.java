package io.openchannel.routing;

import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One interaction offered to one agent (S6–S8). Immutable: a change of state is a new value.
 *
 * @param id the offer's id
 * @param interaction what is offered
 * @param agent to whom
 * @param queue the queue it is routed through (for a transfer to an agent, the queue it returns
 *     to if the agent does not take it)
 * @param state where the offer is
 * @param createdAt when it was made
 * @param expiresAt when it times out if still pending
 * @param endedAt when it left {@link OfferState#PENDING}; present exactly when it has ended
 * @param rescindReason why it was rescinded; present exactly when {@code state} is
 *     {@link OfferState#RESCINDED}
 */
public record Offer(
    OfferId id,
    InteractionId interaction,
    AgentId agent,
    QueueId queue,
    OfferState state,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> endedAt,
    Optional<RescindReason> rescindReason) {

  /** Validates the offer. */
  public Offer {
    Checks.notNull(id, "id");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(agent, "agent");
    Checks.notNull(queue, "queue");
    Checks.notNull(state, "state");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(expiresAt, "expiresAt");
    Checks.notNull(endedAt, "endedAt");
    Checks.notNull(rescindReason, "rescindReason");
    Checks.check(state.isFinal() == endedAt.isPresent(), "endedAt is set exactly when the offer ended");
    Checks.check((state == OfferState.RESCINDED) == rescindReason.isPresent(),
        "rescindReason is set exactly when the offer was rescinded");
  }

  /** A new pending offer. */
  public static Offer pending(OfferId id, InteractionId interaction, AgentId agent, QueueId queue,
      Instant createdAt, Instant expiresAt) {
    return new Offer(id, interaction, agent, queue, OfferState.PENDING, createdAt, expiresAt,
        Optional.empty(), Optional.empty());
  }

  /**
   * This offer ended in {@code next} at {@code at}.
   *
   * @throws io.openchannel.IllegalTransitionException if it is no longer pending
   */
  public Offer ended(OfferState next, Instant at, Optional<RescindReason> reason) {
    OfferState moved = state.moveTo(next);
    return new Offer(id, interaction, agent, queue, moved, createdAt, expiresAt, Optional.of(at),
        reason);
  }

  /** Whether it still waits for an answer. */
  public boolean isPending() {
    return state == OfferState.PENDING;
  }
}
