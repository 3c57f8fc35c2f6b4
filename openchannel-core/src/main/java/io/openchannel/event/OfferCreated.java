package io.openchannel.event;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.QueueId;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction was offered to an agent: everything a desktop needs to show the offer and play
 * the new-offer sound (S8) without another call.
 *
 * @param at when
 * @param offer the offer, to accept or reject
 * @param interaction what is offered
 * @param agent to whom
 * @param queue the queue it came through
 * @param account the account the customer wrote on
 * @param channel the account's channel
 * @param contactName the customer's name as known
 * @param preview the start of the customer's first message
 * @param expiresAt when the offer times out
 * @param transferredBy the agent who transferred it to this agent, for a transfer
 */
public record OfferCreated(Instant at, OfferId offer, InteractionId interaction, AgentId agent,
    QueueId queue, AccountId account, ChannelType channel, String contactName, String preview,
    Instant expiresAt, Optional<AgentId> transferredBy) implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
