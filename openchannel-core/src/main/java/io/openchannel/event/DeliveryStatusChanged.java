package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.MessageId;
import java.time.Instant;
import java.util.Optional;

/**
 * An outbound message moved on (S12): {@code SENT} is the double checkmark, {@code FAILED} the
 * single one with its reason; {@code QUEUED} again when an agent retries a failed message.
 *
 * @param at when
 * @param interaction the interaction
 * @param message the message
 * @param status its new status
 * @param reason why it failed, for {@code FAILED}
 */
public record DeliveryStatusChanged(Instant at, InteractionId interaction, MessageId message,
    DeliveryStatus status, Optional<String> reason) implements OpenChannelEvent {
  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
