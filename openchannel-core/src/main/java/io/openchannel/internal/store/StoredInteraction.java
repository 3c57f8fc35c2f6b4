package io.openchannel.internal.store;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.InteractionSort;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A closed interaction as the in-memory store keeps it: one object with its fields flat (the
 * last message's id packed into two longs when the engine made it, absent values as nulls,
 * times as numbers) rather than an {@link Interaction} with its last message, that message's id
 * object, string and bytes, three {@code Optional}s and two {@code Instant}s. Closed interactions
 * are nearly all a store holds and are seldom read; open ones, read and written on every step
 * of routing, stay records (see {@link OpenInteraction}). An update rewrites the fields in place.
 * Guarded by the store's lock.
 */
final class StoredInteraction extends KeptInteraction {
  private static final Visibility[] VISIBILITIES = Visibility.values();
  private static final Direction[] DIRECTIONS = Direction.values();
  private static final MessageKind[] KINDS = MessageKind.values();
  private static final InteractionStatus[] STATUSES = InteractionStatus.values();

  private final InteractionId id;
  private ConversationId conversation;
  private AccountId account;
  private ContactId contact;
  private byte visibility;
  private byte origin;
  private byte status;
  private boolean read;
  private boolean hasLast;
  private boolean hasClosedAt;
  private byte lastDirection;
  private byte lastKind;
  private long startedSecond;
  private int startedNano;
  private AgentId firstAgent;
  private AgentId owner;
  private SortedSet<Tag> tags;
  /** The last message's id when it does not pack; else null and the two longs hold it. */
  private MessageId lastIdObject;
  private long lastIdHigh;
  private long lastIdLow;
  private long lastSecond;
  private int lastNano;
  private String lastPreview;
  private long closedSecond;
  private int closedNano;
  private DispositionId disposition;
  private long version;

  StoredInteraction(Interaction interaction) {
    this.id = interaction.id();
    set(interaction);
  }

  /** Takes every field of {@code interaction}, whose id must be this one's. */
  void set(Interaction i) {
    conversation = i.conversation();
    account = i.account();
    contact = i.contact();
    visibility = (byte) i.visibility().ordinal();
    origin = (byte) i.origin().ordinal();
    status = (byte) i.status().ordinal();
    read = i.read();
    startedSecond = i.startedAt().getEpochSecond();
    startedNano = i.startedAt().getNano();
    firstAgent = i.firstAgent().orElse(null);
    owner = i.owner().orElse(null);
    tags = i.tags();
    hasLast = i.lastMessage().isPresent();
    if (hasLast) {
      LastMessage last = i.lastMessage().get();
      String lastId = last.messageId().value();
      if (PackedId.packable(lastId)) {
        lastIdObject = null;
        lastIdHigh = PackedId.high(lastId);
        lastIdLow = PackedId.low(lastId);
      } else {
        lastIdObject = last.messageId();
      }
      lastSecond = last.at().getEpochSecond();
      lastNano = last.at().getNano();
      lastDirection = (byte) last.direction().ordinal();
      lastKind = (byte) last.kind().ordinal();
      lastPreview = last.preview();
    } else {
      lastIdObject = null;
      lastPreview = null;
    }
    hasClosedAt = i.closedAt().isPresent();
    if (hasClosedAt) {
      closedSecond = i.closedAt().get().getEpochSecond();
      closedNano = i.closedAt().get().getNano();
    }
    disposition = i.disposition().orElse(null);
    version = i.version();
  }

  @Override
  InteractionId id() {
    return id;
  }

  @Override
  Interaction interaction() {
    Optional<LastMessage> last = !hasLast ? Optional.empty() : Optional.of(new LastMessage(
        lastIdObject != null ? lastIdObject : MessageId.of(PackedId.unpack(lastIdHigh, lastIdLow)),
        Instant.ofEpochSecond(lastSecond, lastNano), DIRECTIONS[lastDirection], KINDS[lastKind],
        lastPreview));
    Optional<AgentId> first = Optional.ofNullable(firstAgent);
    return new Interaction(id, conversation, account, contact, VISIBILITIES[visibility],
        DIRECTIONS[origin], STATUSES[status], Instant.ofEpochSecond(startedSecond, startedNano),
        first, owner == null ? Optional.empty() : owner.equals(firstAgent) ? first : Optional.of(owner),
        read, tags, last,
        hasClosedAt ? Optional.of(Instant.ofEpochSecond(closedSecond, closedNano)) : Optional.empty(),
        Optional.ofNullable(disposition), version);
  }

  /** The seconds of the time {@code sort} orders by (as {@code SortKey.timeOf}), without a record. */
  long sortSecond(InteractionSort sort) {
    return sort == InteractionSort.LAST_MESSAGE && hasLast ? lastSecond : startedSecond;
  }

  /** The nanoseconds of the time {@code sort} orders by. */
  int sortNano(InteractionSort sort) {
    return sort == InteractionSort.LAST_MESSAGE && hasLast ? lastNano : startedNano;
  }
}
