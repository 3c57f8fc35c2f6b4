package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction became read or unread: an agent marked it, or a customer's message made it
 * unread.
 *
 * @param at when
 * @param interaction the interaction
 * @param read the new state
 * @param by the agent who marked it; empty when a customer's message made it unread
 */
public record ReadStateChanged(Instant at, InteractionId interaction, boolean read,
    Optional<AgentId> by) implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public ReadStateChanged {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(by, "by");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
