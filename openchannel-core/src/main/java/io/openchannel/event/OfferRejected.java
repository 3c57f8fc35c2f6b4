package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent rejected an offer; the interaction goes to another agent (S6).
 *
 * @param at when
 * @param offer the offer
 * @param interaction the interaction offered
 * @param agent the agent it was offered to
 */
public record OfferRejected(Instant at, OfferId offer, InteractionId interaction, AgentId agent)
    implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
