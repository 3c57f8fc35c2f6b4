package io.openchannel.event;

import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import java.time.Instant;

/**
 * An agent's presence changed.
 *
 * @param at when
 * @param agent the agent
 * @param previous their presence before
 * @param presence their presence now
 * @param automatic whether the engine changed it (auto-pause after missed offers) rather than a
 *     person
 */
public record AgentPresenceChanged(Instant at, AgentId agent, Presence previous, Presence presence,
    boolean automatic) implements OpenChannelEvent {}
