package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent accepted an offer; the interaction is theirs (an {@link InteractionAssigned} follows or precedes it in the same commit).
 *
 * @param at when
 * @param offer the offer
 * @param interaction the interaction offered
 * @param agent the agent it was offered to
 */
public record OfferAccepted(Instant at, OfferId offer, InteractionId interaction, AgentId agent)
    implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
