package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.RescindReason;
import java.time.Instant;
import java.util.Optional;

/**
 * The engine withdrew an offer; the agent's UI removes it and may say why, for example that
 * another agent already took the interaction (S7).
 *
 * @param at when
 * @param offer the offer
 * @param interaction the interaction offered
 * @param agent the agent it was offered to
 * @param reason why
 */
public record OfferRescinded(Instant at, OfferId offer, InteractionId interaction, AgentId agent,
    RescindReason reason) implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
