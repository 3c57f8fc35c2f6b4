package io.openchannel.interaction;

import io.openchannel.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether an interaction is open. A closed interaction never reopens: the customer's next
 * message opens a new interaction in the same conversation.
 */
public enum InteractionStatus {
  /** Messages may be exchanged. */
  OPEN,
  /** Closed for good, with a close time and maybe a disposition. */
  CLOSED;

  private static final Map<InteractionStatus, Set<InteractionStatus>> TRANSITIONS =
      Map.of(OPEN, EnumSet.of(CLOSED), CLOSED, EnumSet.noneOf(InteractionStatus.class));

  /** Whether the transition table allows moving from this status to {@code next}. */
  public boolean canMoveTo(InteractionStatus next) {
    return TRANSITIONS.get(this).contains(next);
  }

  /**
   * Checks the move.
   *
   * @throws IllegalTransitionException if the table does not allow it
   */
  public InteractionStatus moveTo(InteractionStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(
          "an interaction cannot go from " + this + " to " + next
              + "; a closed interaction stays closed and the customer's next message opens a new one");
    }
    return next;
  }
}
