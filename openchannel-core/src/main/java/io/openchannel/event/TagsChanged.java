package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.util.Checks;
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
  /** Validates the event: no field is null (an optional one may be empty). */
  public TagsChanged {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(tags, "tags");
    Checks.notNull(by, "by");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
