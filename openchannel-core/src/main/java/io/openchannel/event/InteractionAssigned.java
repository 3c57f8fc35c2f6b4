package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction got a (new) owner.
 *
 * @param at when
 * @param interaction the interaction
 * @param agent the new owner
 * @param previousOwner who owned it before, if anyone
 * @param firstTimeManaged whether no agent had managed it before; for an interaction the customer
 *     opened, the conversation's S19 count went down by one (an interaction an agent started was
 *     never counted as unmanaged)
 */
public record InteractionAssigned(
    Instant at, InteractionId interaction, AgentId agent, Optional<AgentId> previousOwner,
    boolean firstTimeManaged) implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public InteractionAssigned {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(agent, "agent");
    Checks.notNull(previousOwner, "previousOwner");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
