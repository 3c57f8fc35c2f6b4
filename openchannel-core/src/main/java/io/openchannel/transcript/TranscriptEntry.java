package io.openchannel.transcript;

import io.openchannel.internal.util.Checks;
import io.openchannel.message.Attachment;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One message of a {@link Transcript}. Immutable.
 *
 * @param message the message's id
 * @param at when it was stored, in the transcript's time zone
 * @param direction from ({@code IN}) or to ({@code OUT}) the customer; notes are {@code OUT}
 * @param kind text, attachment, voice, template or internal note
 * @param senderRole customer, agent or auto-reply
 * @param senderName the contact's, the agent's or (for auto-replies) the account's name
 * @param text the text exactly as stored (may be empty when there is an attachment); renderers
 *     make it printable with {@link TranscriptFormat#bodyLines}
 * @param attachment the file's name, type and size, if the message carried one
 * @param deliveryStatus where it is on its way to the customer (S12), for messages sent to the
 *     channel
 * @param failureReason why it failed, when {@link DeliveryStatus#FAILED}
 * @param canned whether it came from a canned answer
 */
public record TranscriptEntry(
    MessageId message,
    ZonedDateTime at,
    Direction direction,
    MessageKind kind,
    SenderRole senderRole,
    String senderName,
    String text,
    Optional<Attachment> attachment,
    Optional<DeliveryStatus> deliveryStatus,
    Optional<String> failureReason,
    boolean canned) {

  /** Validates the entry. */
  public TranscriptEntry {
    Checks.notNull(message, "message");
    Checks.notNull(at, "at");
    Checks.notNull(direction, "direction");
    Checks.notNull(kind, "kind");
    Checks.notNull(senderRole, "senderRole");
    Checks.notNull(senderName, "senderName");
    Checks.notNull(text, "text");
    Checks.notNull(attachment, "attachment");
    Checks.notNull(deliveryStatus, "deliveryStatus");
    Checks.notNull(failureReason, "failureReason");
    Checks.check((senderRole == SenderRole.CUSTOMER) == (direction == Direction.IN),
        "the customer, and only the customer, writes inbound messages");
    Checks.check(failureReason.isEmpty() || deliveryStatus.equals(Optional.of(DeliveryStatus.FAILED)),
        "only a FAILED message has a failure reason");
  }

  /** Whether it is an internal note (present only when the options asked for notes). */
  public boolean isInternalNote() {
    return kind == MessageKind.NOTE;
  }

  /** Whether the account sent it automatically. */
  public boolean isAutoReply() {
    return senderRole == SenderRole.AUTO_REPLY;
  }
}
