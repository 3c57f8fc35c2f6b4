package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent accepted an offer; the interaction is theirs. Published in the same commit right after
 * the {@link InteractionAssigned} that makes them the owner, and before the
 * {@link OfferRescinded} events of the other agents' offers.
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
