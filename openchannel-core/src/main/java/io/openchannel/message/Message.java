package io.openchannel.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;

/**
 * One message of an interaction. Text is stored exactly as given (any Unicode: emoji, RTL,
 * combining marks). Immutable.
 *
 * @param id the message's id
 * @param interaction the interaction it belongs to
 * @param account the account (for dedupe and receipts)
 * @param direction from or to the customer
 * @param kind text, attachment, voice or internal note
 * @param text the text; may be empty only when there is an attachment
 * @param attachment the single attachment, if any
 * @param author the agent who wrote it, for agent messages and notes
 * @param autoReply whether the account sent it automatically (S27)
 * @param canned whether it came from a canned answer
 * @param channelMessageId the channel's id for it (inbound: for dedupe; outbound: once sent)
 * @param deliveryStatus for outbound messages sent to the channel; empty for inbound and notes
 * @param failureReason why it failed, when {@link DeliveryStatus#FAILED}
 * @param template the approved template, for {@link MessageKind#TEMPLATE} messages
 * @param sendTerms how the channel's rules allowed it to be sent (Meta's messaging type and tag,
 *     LINE's reply mode), for outbound messages sent to the channel
 * @param createdAt when it was stored
 * @param version the store's optimistic version; 0 for a message not stored yet
 */
public record Message(
    MessageId id,
    InteractionId interaction,
    AccountId account,
    Direction direction,
    MessageKind kind,
    String text,
    Optional<Attachment> attachment,
    Optional<AgentId> author,
    boolean autoReply,
    boolean canned,
    Optional<String> channelMessageId,
    Optional<DeliveryStatus> deliveryStatus,
    Optional<String> failureReason,
    Optional<MessageTemplate> template,
    Optional<SendDecision.Allowed> sendTerms,
    Instant createdAt,
    long version) {

  /** Validates the message and the rules between its fields. */
  public Message {
    Checks.notNull(id, "id");
    Checks.notNull(interaction, "interaction");
    Checks.notNull(account, "account");
    Checks.notNull(direction, "direction");
    Checks.notNull(kind, "kind");
    Checks.notNull(text, "text");
    Checks.notNull(attachment, "attachment");
    Checks.notNull(author, "author");
    Checks.notNull(channelMessageId, "channelMessageId");
    Checks.notNull(deliveryStatus, "deliveryStatus");
    Checks.notNull(failureReason, "failureReason");
    Checks.notNull(template, "template");
    Checks.notNull(sendTerms, "sendTerms");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNegative(version, "version");
    channelMessageId.ifPresent(cid -> Checks.identifier(cid, "channelMessageId", 512));
    boolean needsAttachment = kind == MessageKind.ATTACHMENT || kind == MessageKind.VOICE;
    Checks.check(needsAttachment == attachment.isPresent(),
        () -> kind + " message " + (needsAttachment ? "needs" : "cannot have") + " an attachment");
    Checks.check(attachment.isPresent() || !text.isBlank(),
        "a message needs text or an attachment; blank text alone is not a message");
    Checks.check(kind != MessageKind.NOTE || direction == Direction.OUT,
        "an internal note is written by an agent, so its direction is OUT");
    boolean sentToChannel = direction == Direction.OUT && kind != MessageKind.NOTE;
    Checks.check(sentToChannel == deliveryStatus.isPresent(),
        "deliveryStatus is set exactly for outbound messages sent to the channel");
    Checks.check(failureReason.isEmpty() || deliveryStatus.equals(Optional.of(DeliveryStatus.FAILED)),
        "only a FAILED message has a failure reason");
    Checks.check(!autoReply || sentToChannel, "an auto-reply is an outbound message");
    Checks.check((kind == MessageKind.TEMPLATE) == template.isPresent(),
        "a TEMPLATE message, and only it, names its template");
    Checks.check(sendTerms.isEmpty() || sentToChannel, "only messages sent to the channel have send terms");
  }

  /** Whether it is an internal note (never sent, S11). */
  @JsonIgnore // derived, so not part of the JSON form
  public boolean isInternalNote() {
    return kind == MessageKind.NOTE;
  }

  /** Whether it may be the interaction's last message in the view: not an auto-reply, not a note (S16). */
  public boolean countsAsLastMessage() {
    return !autoReply && kind != MessageKind.NOTE;
  }

  /** With a new delivery status (checked against {@link DeliveryStatus}'s table). */
  public Message withDelivery(DeliveryStatus next, Optional<String> reason,
      Optional<String> newChannelMessageId) {
    DeliveryStatus current = deliveryStatus.orElseThrow(() -> new io.openchannel.IllegalTransitionException(
        "message " + id + " is not sent to the channel, so it has no delivery status"));
    return new Message(id, interaction, account, direction, kind, text, attachment, author,
        autoReply, canned, newChannelMessageId.or(() -> channelMessageId),
        Optional.of(current.moveTo(next)), next == DeliveryStatus.FAILED ? reason : Optional.empty(),
        template, sendTerms, createdAt, version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Message withVersion(long newVersion) {
    return new Message(id, interaction, account, direction, kind, text, attachment, author,
        autoReply, canned, channelMessageId, deliveryStatus, failureReason, template, sendTerms,
        createdAt, newVersion);
  }
}
