package io.openchannel.routing;

import io.openchannel.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an {@link Offer} is. Every offer starts {@code PENDING} and ends in exactly one of the
 * other states, which are final:
 *
 * <pre>
 * PENDING ──accept──▶ ACCEPTED
 *    ├──────reject──▶ REJECTED
 *    ├─────timeout──▶ TIMED_OUT
 *    └─────rescind──▶ RESCINDED (with a {@link RescindReason})
 * </pre>
 */
public enum OfferState {
  /** Shown to the agent, waiting for an answer. */
  PENDING,
  /** The agent took the interaction; it is theirs. */
  ACCEPTED,
  /** The agent declined; the interaction goes to another agent (S6). */
  REJECTED,
  /** The agent did not answer within the queue's offer timeout. */
  TIMED_OUT,
  /** Withdrawn by the engine: taken by another agent (S7), closed, transferred, or the agent left. */
  RESCINDED;

  private static final Map<OfferState, Set<OfferState>> TRANSITIONS = Map.of(
      PENDING, EnumSet.of(ACCEPTED, REJECTED, TIMED_OUT, RESCINDED),
      ACCEPTED, EnumSet.noneOf(OfferState.class),
      REJECTED, EnumSet.noneOf(OfferState.class),
      TIMED_OUT, EnumSet.noneOf(OfferState.class),
      RESCINDED, EnumSet.noneOf(OfferState.class));

  /** Whether the transition table allows moving from this state to {@code next}. */
  public boolean canMoveTo(OfferState next) {
    return TRANSITIONS.get(this).contains(next);
  }

  /**
   * Checks the move.
   *
   * @return {@code next}
   * @throws IllegalTransitionException if the table does not allow it (the offer is no longer
   *     pending)
   */
  public OfferState moveTo(OfferState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("an offer cannot go from " + this + " to " + next
          + "; only a PENDING offer can be answered, and this one has ended");
    }
    return next;
  }

  /** Whether the offer has ended (every state but {@code PENDING}). */
  public boolean isFinal() {
    return this != PENDING;
  }
}
