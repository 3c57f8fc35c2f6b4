package io.openchannel.routing;

import io.openchannel.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an interaction is in routing.
 *
 * <pre>
 * QUEUED ──offer──▶ OFFERING ──accept──▶ ASSIGNED ──close──▶ CLOSED
 *   ▲  │              │ every live offer ended                 │
 *   │  │              └──────▶ QUEUED (next agent, or wait)      │
 *   │  └─max wait──▶ QUEUED (overflow queue)                     │
 *   └──transfer(queue) / agent offline (REQUEUE)──── ASSIGNED ──transfer(agent)──▶ OFFERING
 * </pre>
 *
 * <p>Also allowed: {@code QUEUED → ASSIGNED} and {@code ASSIGNED → ASSIGNED} when the host assigns
 * explicitly ({@code OpenChannel.assign}), and {@code → CLOSED} from every open state.
 */
public enum RoutingState {
  /** In a queue, waiting for an eligible agent. */
  QUEUED,
  /** Offered to one or more agents; waiting for an answer. */
  OFFERING,
  /** Owned by one agent. */
  ASSIGNED,
  /** Closed; routing is over. */
  CLOSED;

  private static final Map<RoutingState, Set<RoutingState>> TRANSITIONS = Map.of(
      QUEUED, EnumSet.of(QUEUED, OFFERING, ASSIGNED, CLOSED),
      OFFERING, EnumSet.of(QUEUED, ASSIGNED, CLOSED),
      ASSIGNED, EnumSet.of(QUEUED, OFFERING, ASSIGNED, CLOSED),
      CLOSED, EnumSet.noneOf(RoutingState.class));

  /** Whether the transition table allows moving from this state to {@code next}. */
  public boolean canMoveTo(RoutingState next) {
    return TRANSITIONS.get(this).contains(next);
  }

  /**
   * Checks the move.
   *
   * @return {@code next}
   * @throws IllegalTransitionException if the table does not allow it
   */
  public RoutingState moveTo(RoutingState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("an interaction's routing cannot go from " + this
          + " to " + next + "; allowed from " + this + ": " + TRANSITIONS.get(this));
    }
    return next;
  }
}
