package io.openchannel.internal.store;

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

/**
 * A committed message as the in-memory store keeps it: one object with its fields flat (the id
 * packed into two longs when the engine made it, absent values as nulls, the time as two
 * numbers) rather than a {@link Message} with its id object, id string and bytes, an
 * {@code Optional} and an {@code Instant}. Messages are most of what a contact center stores and
 * are read far less often than written, so a read builds the record afresh. An update rewrites
 * the fields in place (the id never changes), which keeps the indexes that hold this object
 * valid without touching them. Guarded by the store's lock, like everything the store keeps.
 */
final class StoredMessage {
  private static final DeliveryStatus[] STATUSES = DeliveryStatus.values();
  private static final Direction[] DIRECTIONS = Direction.values();
  private static final MessageKind[] KINDS = MessageKind.values();

  private final long idHigh;
  private final long idLow;
  /** The id when it does not pack; null when it does. */
  private final MessageId idObject;
  private InteractionId interaction;
  private AccountId account;
  private byte direction;
  private byte kind;
  /** The delivery status' ordinal, or -1 for none. */
  private byte deliveryStatus;
  private boolean autoReply;
  private boolean canned;
  private String text;
  private Attachment attachment;
  private AgentId author;
  private String channelMessageId;
  private String failureReason;
  private MessageTemplate template;
  private SendDecision.Allowed sendTerms;
  private long createdSecond;
  private int createdNano;
  private long version;

  StoredMessage(Message message) {
    String id = message.id().value();
    if (PackedId.packable(id)) {
      idHigh = PackedId.high(id);
      idLow = PackedId.low(id);
      idObject = null;
    } else {
      idHigh = 0;
      idLow = 0;
      idObject = message.id();
    }
    set(message);
  }

  /** Takes every field of {@code message}, whose id must be this one's. */
  void set(Message message) {
    interaction = message.interaction();
    account = message.account();
    direction = (byte) message.direction().ordinal();
    kind = (byte) message.kind().ordinal();
    deliveryStatus = (byte) message.deliveryStatus().map(Enum::ordinal).orElse(-1).intValue();
    autoReply = message.autoReply();
    canned = message.canned();
    text = message.text();
    attachment = message.attachment().orElse(null);
    author = message.author().orElse(null);
    channelMessageId = message.channelMessageId().orElse(null);
    failureReason = message.failureReason().orElse(null);
    template = message.template().orElse(null);
    sendTerms = message.sendTerms().orElse(null);
    createdSecond = message.createdAt().getEpochSecond();
    createdNano = message.createdAt().getNano();
    version = message.version();
  }

  /** Whether this is the message with {@code id} (a {@link MessageId}). */
  boolean hasId(Object id) {
    if (idObject != null) {
      return idObject == id || idObject.equals(id);
    }
    return id instanceof MessageId m && PackedId.is(m.value(), idHigh, idLow);
  }

  /** The message as a record. */
  Message message() {
    return new Message(id(), interaction, account, DIRECTIONS[direction], KINDS[kind], text,
        Optional.ofNullable(attachment), Optional.ofNullable(author), autoReply, canned,
        Optional.ofNullable(channelMessageId),
        deliveryStatus < 0 ? Optional.empty() : Optional.of(STATUSES[deliveryStatus]),
        Optional.ofNullable(failureReason), Optional.ofNullable(template),
        Optional.ofNullable(sendTerms), Instant.ofEpochSecond(createdSecond, createdNano), version);
  }

  MessageId id() {
    return idObject != null ? idObject : MessageId.of(PackedId.unpack(idHigh, idLow));
  }
}
