package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.QueueId;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent transferred an interaction to a queue or to another agent (S14); exactly one of
 * {@code toQueue} and {@code toAgent} is present.
 *
 * @param at when
 * @param interaction the interaction
 * @param by the agent who owned it and transferred it
 * @param toQueue the target queue
 * @param toAgent the target agent
 */
public record InteractionTransferred(Instant at, InteractionId interaction, AgentId by,
    Optional<QueueId> toQueue, Optional<AgentId> toAgent) implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
