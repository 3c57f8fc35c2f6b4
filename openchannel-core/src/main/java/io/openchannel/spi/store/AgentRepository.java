package io.openchannel.spi.store;

import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import java.util.List;

/** Agents. */
public interface AgentRepository extends Repository<AgentId, Agent> {
  /** Every agent, ordered by id. */
  List<Agent> list();
}
