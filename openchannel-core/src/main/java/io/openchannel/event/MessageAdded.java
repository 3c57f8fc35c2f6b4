package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Message;
import java.time.Instant;
import java.util.Optional;

/**
 * A message was stored on an interaction: a customer's message, an agent's reply, an
 * auto-reply or an internal note ({@link Message#kind()} and flags tell which).
 *
 * @param at when
 * @param interaction the interaction
 * @param message the whole message
 */
public record MessageAdded(Instant at, InteractionId interaction, Message message)
    implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public MessageAdded {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(message, "message");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
