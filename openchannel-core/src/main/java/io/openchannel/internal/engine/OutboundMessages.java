package io.openchannel.internal.engine;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Attachment;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;

/** Builds the messages the contact center writes, with the right flags and status. */
final class OutboundMessages {
  private OutboundMessages() {}

  /** An agent's message for the customer, queued for the channel under {@code terms}. */
  static Message byAgent(MessageId id, InteractionId interaction, AccountId account, AgentId agent,
      MessageKind kind, String text, Optional<Attachment> attachment, boolean canned,
      Optional<MessageTemplate> template, SendDecision.Allowed terms, Instant at) {
    return new Message(id, interaction, account, Direction.OUT, kind, text, attachment,
        Optional.of(agent), false, canned, Optional.empty(), Optional.of(DeliveryStatus.QUEUED),
        Optional.empty(), template, Optional.of(terms), at, 0);
  }

  /** The account's auto-reply, queued for the channel (S27). */
  static Message autoReply(MessageId id, InteractionId interaction, AccountId account, String text,
      SendDecision.Allowed terms, Instant at) {
    return new Message(id, interaction, account, Direction.OUT, MessageKind.TEXT, text,
        Optional.empty(), Optional.empty(), true, false, Optional.empty(),
        Optional.of(DeliveryStatus.QUEUED), Optional.empty(), Optional.empty(), Optional.of(terms),
        at, 0);
  }

  /** An agent's internal note: never sent, so no delivery status (S11). */
  static Message note(MessageId id, InteractionId interaction, AccountId account, AgentId agent,
      String text, Instant at) {
    return new Message(id, interaction, account, Direction.OUT, MessageKind.NOTE, text,
        Optional.empty(), Optional.of(agent), false, false, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), at, 0);
  }
}
