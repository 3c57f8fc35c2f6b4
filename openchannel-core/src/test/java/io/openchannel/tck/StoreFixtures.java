package io.openchannel.tck;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds valid, not yet stored domain records (version 0) with fresh ids. Pure: it never touches
 * a store.
 *
 * <p>Ids are unique per fixtures instance and across instances (each instance has a random
 * prefix, so stores that share a database between tests do not collide), and they sort in the
 * order they were made: {@code a = f.account(); b = f.account();} gives {@code a.id() < b.id()}.
 * Times are whole seconds, which every database keeps exactly. Thread-safe.
 */
public final class StoreFixtures {
  /** The time fixtures use unless told otherwise: {@link ManualClock#DEFAULT_START}. */
  public static final Instant T0 = ManualClock.DEFAULT_START;

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** Fixtures with a random id prefix. */
  public StoreFixtures() {
    this(randomPrefix());
  }

  /** Fixtures whose ids start with {@code prefix} (letters, digits, dashes). */
  public StoreFixtures(String prefix) {
    this.prefix = prefix;
  }

  /** {@link #T0} plus {@code minutes}. */
  public static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  /** A fresh text: the prefix, {@code kind} and a counter; sorts in creation order. */
  public String fresh(String kind) {
    return prefix + kind + String.format("%08d", counter.incrementAndGet());
  }

  /** An enabled generic-channel account with default settings. */
  public Account account() {
    AccountId id = AccountId.of(fresh("acc-"));
    return Account.of(id, ChannelType.GENERIC, "Account " + id, AccountSettings.defaults());
  }

  /** An available agent with capacity 1 on the generic channel. */
  public Agent agent() {
    AgentId id = AgentId.of(fresh("agt-"));
    return Agent.of(id, "Agent " + id).withPresence(Presence.AVAILABLE)
        .withCapacity(Map.of(ChannelType.GENERIC, 1));
  }

  /** A fresh identity on {@code account}, owned by nobody yet. */
  public ChannelIdentity identity(Account account) {
    return ChannelIdentity.of(account.id(), fresh("ext-"));
  }

  /** A contact with these identities (their accounts must be stored before the contact). */
  public Contact contact(ChannelIdentity... identities) {
    return new Contact(ContactId.of(fresh("con-")), Optional.of("Ada"), Optional.empty(), Map.of(),
        Set.of(identities), T0, 0);
  }

  /** A private conversation between {@code account} and {@code contact}, with a fresh address. */
  public Conversation conversation(Account account, Contact contact) {
    return conversation(ConversationKey.direct(account.id(), fresh("addr-")), contact);
  }

  /** A conversation with the given key and contact; no interactions yet. */
  public Conversation conversation(ConversationKey key, Contact contact) {
    return Conversation.start(ConversationId.of(fresh("cnv-")), key, contact.id(), T0);
  }

  /** An open inbound interaction of {@code conversation}, started at {@link #T0}. */
  public Interaction interaction(Conversation conversation) {
    return interaction(conversation, T0);
  }

  /** An open inbound interaction of {@code conversation}, started at {@code startedAt}. */
  public Interaction interaction(Conversation conversation, Instant startedAt) {
    return Interaction.open(InteractionId.of(fresh("int-")), conversation, Direction.IN, startedAt);
  }

  /** An inbound text message of {@code interaction} without channel message id. */
  public Message message(Interaction interaction) {
    return inbound(interaction, Optional.empty());
  }

  /** An inbound text message of {@code interaction} with that channel message id. */
  public Message message(Interaction interaction, String channelMessageId) {
    return inbound(interaction, Optional.of(channelMessageId));
  }

  /** An outbound text message of {@code interaction}, {@code QUEUED}, not sent yet. */
  public Message outbound(Interaction interaction) {
    return new Message(MessageId.of(fresh("msg-")), interaction.id(), interaction.account(),
        Direction.OUT, MessageKind.TEXT, "Hello from " + prefix, Optional.empty(), Optional.empty(),
        false, false, Optional.empty(), Optional.of(DeliveryStatus.QUEUED), Optional.empty(),
        Optional.empty(), Optional.empty(), T0, 0);
  }

  private Message inbound(Interaction interaction, Optional<String> channelMessageId) {
    return new Message(MessageId.of(fresh("msg-")), interaction.id(), interaction.account(),
        Direction.IN, MessageKind.TEXT, "Hi! \uD83D\uDC4B " + prefix, Optional.empty(),
        Optional.empty(), false, false, channelMessageId, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), T0, 0);
  }

  /** {@code message} with its channel message id replaced (or removed when empty). */
  public static Message withChannelMessageId(Message message, Optional<String> channelMessageId) {
    return new Message(message.id(), message.interaction(), message.account(), message.direction(),
        message.kind(), message.text(), message.attachment(), message.author(), message.autoReply(),
        message.canned(), channelMessageId, message.deliveryStatus(), message.failureReason(),
        message.template(), message.sendTerms(), message.createdAt(), message.version());
  }

  /** {@code contact} with exactly these identities. */
  public static Contact withIdentities(Contact contact, List<ChannelIdentity> identities) {
    return new Contact(contact.id(), contact.firstName(), contact.lastName(), contact.fields(),
        new LinkedHashSet<>(identities), contact.createdAt(), contact.version());
  }

  private static String randomPrefix() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("t");
    for (int i = 0; i < 6; i++) {
      sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return sb.append('-').toString();
  }
}
