package io.openchannel.spi.channel;

import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.SendDecision;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A message the engine asks a connector to deliver.
 *
 * @param id the message's id; the same id may be sent again after a crash or a transient
 *     failure, so connectors whose platform supports idempotency keys should pass it on
 * @param interaction the interaction it belongs to
 * @param account the account it goes out on
 * @param to where it goes: the customer's address on the account, visibility and thread
 * @param contact the customer, for channels that send contact data along (the generic channel)
 * @param kind text, attachment or voice (never a note: notes are not sent)
 * @param text the text or caption; may be empty with an attachment
 * @param attachment the file's metadata, if any
 * @param attachmentContent opens the file's bytes; present exactly when {@code attachment} is
 * @param autoReply whether the account sent it automatically
 * @param template the approved template to send, for {@code TEMPLATE} messages
 * @param terms how the channel's rules allow it (Meta's messaging type and tag, LINE's reply
 *     mode); connectors send these along
 */
public record OutboundMessage(
    MessageId id,
    InteractionId interaction,
    AccountId account,
    ConversationKey to,
    Contact contact,
    MessageKind kind,
    String text,
    Optional<Attachment> attachment,
    Optional<Supplier<InputStream>> attachmentContent,
    boolean autoReply,
    Optional<MessageTemplate> template,
    Optional<SendDecision.Allowed> terms) {

  /** Validates the message. */
  public OutboundMessage {
    Checks.notNull(id, "id");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(account, "account");
    Checks.notNull(to, "to");
    Checks.notNull(contact, "contact");
    Checks.notNull(kind, "kind");
    Checks.notNull(text, "text");
    Checks.notNull(attachment, "attachment");
    Checks.notNull(attachmentContent, "attachmentContent");
    Checks.check(kind != MessageKind.NOTE, "internal notes are never sent");
    Checks.notNull(template, "template");
    Checks.notNull(terms, "terms");
    Checks.check(attachment.isPresent() == attachmentContent.isPresent(),
        "attachmentContent is given exactly when there is an attachment");
  }
}
