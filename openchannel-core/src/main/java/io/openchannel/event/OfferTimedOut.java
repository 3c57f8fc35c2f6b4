package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import java.time.Instant;
import java.util.Optional;

/**
 * An offer was not answered in time; the interaction goes to another agent.
 *
 * @param at when
 * @param offer the offer
 * @param interaction the interaction offered
 * @param agent the agent it was offered to
 */
public record OfferTimedOut(Instant at, OfferId offer, InteractionId interaction, AgentId agent)
    implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
