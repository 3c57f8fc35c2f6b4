package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * An interaction's tags changed.
 *
 * @param at when
 * @param interaction the interaction
 * @param tags its tags now
 * @param by the agent who changed them
 */
public record TagsChanged(Instant at, InteractionId interaction, SortedSet<Tag> tags, AgentId by)
    implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
