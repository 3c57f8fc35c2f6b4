package io.openchannel.query;

import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One line of the interactions view (S15–S19, S24): the interaction with its contact, its
 * account and its conversation's count of new interactions no agent has managed yet. Immutable.
 *
 * @param interaction the interaction (status, read flag, tags, last message, close time...)
 * @param contact its contact
 * @param account its account
 * @param disposition the configured disposition it was closed with, if any (S24)
 * @param unmanagedInConversation how many interactions of its conversation no agent has managed
 *     yet (S19), as {@link io.openchannel.interaction.Conversation#unmanagedCount()}
 */
public record InteractionRow(
    Interaction interaction,
    Contact contact,
    Account account,
    Optional<Disposition> disposition,
    int unmanagedInConversation) {

  /** Validates the row. */
  public InteractionRow {
    Checks.notNull(interaction, "interaction");
    Checks.notNull(contact, "contact");
    Checks.notNull(account, "account");
    Checks.notNull(disposition, "disposition");
    Checks.notNegative(unmanagedInConversation, "unmanagedInConversation");
  }

  /** The last message shown, with its direction (S16). */
  public Optional<LastMessage> lastMessage() {
    return interaction.lastMessage();
  }

  /** Open or closed. */
  public InteractionStatus status() {
    return interaction.status();
  }

  /** When it was closed (S24). */
  public Optional<Instant> closedAt() {
    return interaction.closedAt();
  }

  /** Whether an agent has read its latest inbound message. */
  public boolean read() {
    return interaction.read();
  }

  /** Its tags. */
  public SortedSet<Tag> tags() {
    return interaction.tags();
  }
}
