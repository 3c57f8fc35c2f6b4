package io.openchannel.routing;

/** How a queue picks the agents an interaction is offered to. */
public enum RoutingStrategy {
  /** Offer to every eligible agent at once; the first accept wins ("beep all"). */
  RING_ALL,
  /** One agent at a time, continuing after the last one picked. */
  ROUND_ROBIN,
  /** The agent whose last assignment is oldest. */
  LEAST_RECENT,
  /** The agent with the fewest open interactions (load balancing). */
  FEWEST_INTERACTIONS,
  /** A random eligible agent (seedable for tests). */
  RANDOM,
  /** Agents in member order (penalty, then order of joining). */
  LINEAR
}
