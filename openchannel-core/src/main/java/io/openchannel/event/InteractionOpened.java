package io.openchannel.event;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Direction;
import java.time.Instant;
import java.util.Optional;

/**
 * A new interaction was opened: by the customer's message ({@code origin IN}) or by an agent
 * starting an outbound interaction ({@code origin OUT}).
 *
 * @param at when
 * @param interaction the new interaction
 * @param conversation its conversation
 * @param account its account
 * @param contact the customer
 * @param contactName the customer's name as known
 * @param visibility private or public
 * @param origin who opened it
 * @param unmanagedCount the conversation's count of interactions no agent has managed yet (S19)
 */
public record InteractionOpened(
    Instant at,
    InteractionId interaction,
    ConversationId conversation,
    AccountId account,
    ContactId contact,
    String contactName,
    Visibility visibility,
    Direction origin,
    int unmanagedCount) implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public InteractionOpened {
    Checks.notNull(at, "at");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(conversation, "conversation");
    Checks.notNull(account, "account");
    Checks.notNull(contact, "contact");
    Checks.notNull(contactName, "contactName");
    Checks.notNull(visibility, "visibility");
    Checks.notNull(origin, "origin");
    Checks.notNegative(unmanagedCount, "unmanagedCount");
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
