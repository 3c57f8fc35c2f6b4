package io.openchannel.routing;

import java.util.List;
import java.util.Optional;

/** Administration of agents. Thread-safe. */
public interface Agents {
  /**
   * Stores a new agent.
   *
   * @throws io.openchannel.InvalidInputException if an agent with that id exists
   */
  Agent create(Agent agent);

  /**
   * Replaces an agent; the given version must be the stored one.
   *
   * @throws io.openchannel.NotFoundException if there is no such agent
   * @throws io.openchannel.ConcurrentUpdateException if the agent changed since it was read
   */
  Agent update(Agent agent);

  /** The agent, if it exists. */
  Optional<Agent> find(AgentId id);

  /**
   * The agent.
   *
   * @throws io.openchannel.NotFoundException if there is no such agent
   */
  Agent get(AgentId id);

  /** Every agent, ordered by id. */
  List<Agent> list();
}
