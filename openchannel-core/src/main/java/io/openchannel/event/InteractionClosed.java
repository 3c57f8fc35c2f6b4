package io.openchannel.event;

import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction was closed (S13, S24).
 *
 * @param at when
 * @param interaction the interaction
 * @param by the agent who closed it; empty when the host closed it
 * @param disposition the disposition, for "Close &amp; Dispose"
 */
public record InteractionClosed(Instant at, InteractionId interaction, Optional<AgentId> by,
    Optional<DispositionId> disposition) implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public InteractionClosed {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(by, "by");
    Checks.notNull(disposition, "disposition");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
