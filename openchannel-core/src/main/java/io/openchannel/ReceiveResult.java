package io.openchannel;

import io.openchannel.interaction.Interaction;
import io.openchannel.message.Message;

/**
 * What {@link OpenChannel#receive} did.
 *
 * @param message the stored message (the earlier copy, for a duplicate)
 * @param interaction the interaction it belongs to, as it is now
 * @param newInteraction whether this message opened the interaction
 * @param duplicate whether the message had been received before, so nothing was stored
 */
public record ReceiveResult(Message message, Interaction interaction, boolean newInteraction,
    boolean duplicate) {}
