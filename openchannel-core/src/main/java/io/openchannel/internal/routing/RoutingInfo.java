package io.openchannel.internal.routing;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.QueueId;
import java.util.Optional;

/**
 * What routing needs to know of an interaction, read from the store by the engine.
 *
 * @param interaction the interaction
 * @param account its account
 * @param channel the account's channel (capacity is per channel)
 * @param accountQueue the account's queue, if any
 * @param contactName the customer's name, for offers (S8)
 * @param preview the start of the customer's message, for offers (S8)
 */
public record RoutingInfo(InteractionId interaction, AccountId account, ChannelType channel,
    Optional<QueueId> accountQueue, String contactName, String preview) {}
