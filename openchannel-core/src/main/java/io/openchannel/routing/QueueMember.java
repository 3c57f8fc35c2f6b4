package io.openchannel.routing;

import io.openchannel.internal.util.Checks;

/**
 * An agent's membership of a queue.
 *
 * @param agent the agent
 * @param penalty lower is tried first by {@link RoutingStrategy#LINEAR}; 0 is the default
 */
public record QueueMember(AgentId agent, int penalty) {
  /** Validates the membership. */
  public QueueMember {
    Checks.notNull(agent, "agent");
    Checks.notNegative(penalty, "penalty");
  }

  /** A member with penalty 0. */
  public static QueueMember of(AgentId agent) {
    return new QueueMember(agent, 0);
  }
}
