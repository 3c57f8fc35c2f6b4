package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.InteractionQuery;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.InteractionSlice;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the query suites share: "given" helpers that store interactions in the shapes the view
 * filters on, and {@link #query} through {@link io.openchannel.spi.store.Store#read}.
 */
public abstract class QueryContractSupport extends StoreContractSupport {

  /** The store's answer to {@code query}, read through {@code Store.read}. */
  protected final InteractionSlice query(InteractionQuery query) {
    return read(tx -> tx.interactions().query(query));
  }

  /**
   * Checks {@code slice}'s total against the true count {@code matching}: exact when at most
   * {@code query.exactTotalUpTo()} match; otherwise exact, or flagged as a lower bound that is
   * at least the limit and the rows returned and at most the true count.
   */
  protected static void assertCountedUpToTheLimit(InteractionSlice slice, long matching,
      InteractionQuery query) {
    long limit = query.exactTotalUpTo();
    if (slice.totalExact()) {
      assertThat(slice.total()).as("exact total of %s", query).isEqualTo(matching);
      return;
    }
    assertThat(matching).as("only more than %d matches may leave the total inexact", limit)
        .isGreaterThan(limit);
    assertThat(slice.total()).as("inexact total of %s", query)
        .isGreaterThanOrEqualTo(Math.max(limit, slice.interactions().size()))
        .isLessThanOrEqualTo(matching);
  }

  /** The ids of the store's answer, in order. */
  protected final List<InteractionId> ids(InteractionQuery query) {
    return query(query).interactions().stream().map(Interaction::id).toList();
  }

  /** Ids of interactions, in the order given: for expected answers. */
  protected static List<InteractionId> idsOf(Interaction... interactions) {
    return Arrays.stream(interactions).map(Interaction::id).toList();
  }

  /** A stored contact named {@code first last} (either may be null) with these fields. */
  protected final Contact givenContact(String first, String last, Map<String, String> fields,
      ChannelIdentity... identities) {
    Contact plain = fixtures.contact(identities);
    Contact contact = new Contact(plain.id(), Optional.ofNullable(first), Optional.ofNullable(last),
        fields, plain.identities(), plain.createdAt(), 0);
    return inTransaction(tx -> tx.contacts().insert(contact));
  }

  /** A stored open interaction on {@code account} started at {@code startedAt}, then changed. */
  protected final Interaction given(Account account, Instant startedAt,
      UnaryOperator<Interaction> change) {
    return given(account, givenContact(), startedAt, change);
  }

  /** A stored open interaction of a new conversation between {@code account} and {@code contact}. */
  protected final Interaction given(Account account, Contact contact, Instant startedAt,
      UnaryOperator<Interaction> change) {
    Conversation conversation = givenConversation(account, contact);
    Interaction opened = fixtures.interaction(conversation, startedAt);
    return inTransaction(tx -> {
      Interaction stored = tx.interactions().insert(opened);
      Interaction changed = change.apply(stored);
      return changed.equals(stored) ? stored : tx.interactions().update(changed);
    });
  }

  /** The latest stored version of {@code interaction}, changed and stored again. */
  protected final Interaction change(Interaction interaction, UnaryOperator<Interaction> change) {
    return inTransaction(tx -> tx.interactions().update(
        change.apply(tx.interactions().find(interaction.id()).orElseThrow())));
  }

  /** Stores an inbound text message of {@code interaction} (it does not touch its last message). */
  protected final Message givenText(Interaction interaction, String text) {
    return givenMessage(interaction, Direction.IN, MessageKind.TEXT, text, false, Optional.empty());
  }

  /** Stores an auto-reply of {@code interaction}. */
  protected final Message givenAutoReply(Interaction interaction, String text) {
    return givenMessage(interaction, Direction.OUT, MessageKind.TEXT, text, true, Optional.empty());
  }

  /** Stores an internal note on {@code interaction}. */
  protected final Message givenNote(Interaction interaction, String text) {
    return givenMessage(interaction, Direction.OUT, MessageKind.NOTE, text, false, Optional.empty());
  }

  /** Stores an inbound file with no text on {@code interaction}. */
  protected final Message givenFile(Interaction interaction, String fileName) {
    Attachment file = new Attachment(AttachmentId.of(fixtures.fresh("att-")), fileName,
        "application/pdf", 10);
    return givenMessage(interaction, Direction.IN, MessageKind.ATTACHMENT, "", false,
        Optional.of(file));
  }

  private Message givenMessage(Interaction interaction, Direction direction, MessageKind kind,
      String text, boolean autoReply, Optional<Attachment> attachment) {
    boolean sent = direction == Direction.OUT && kind != MessageKind.NOTE;
    Message message = new Message(MessageId.of(fixtures.fresh("msg-")), interaction.id(),
        interaction.account(), direction, kind, text, attachment, Optional.empty(), autoReply,
        false, Optional.empty(), sent ? Optional.of(DeliveryStatus.SENT) : Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), StoreFixtures.T0, 0);
    return inTransaction(tx -> tx.messages().insert(message));
  }

  /** Managed first by a stored agent. */
  protected final UnaryOperator<Interaction> managedBy(AgentId agent) {
    return i -> i.withOwner(agent);
  }

  /** With these tags. */
  protected static UnaryOperator<Interaction> tagged(String... tags) {
    return i -> i.withTags(Arrays.stream(tags).map(Tag::of).collect(java.util.stream.Collectors.toSet()));
  }

  /** Read. */
  protected static UnaryOperator<Interaction> read() {
    return i -> i.withRead(true);
  }

  /** Closed at {@code at}, with or without a disposition. */
  protected static UnaryOperator<Interaction> closed(Instant at, String disposition) {
    return i -> i.closed(at, Optional.ofNullable(disposition).map(DispositionId::of));
  }

  /** With a last message at {@code at} in {@code direction}. */
  protected final UnaryOperator<Interaction> lastMessage(Instant at, Direction direction) {
    return i -> i.withLastMessage(new LastMessage(MessageId.of(fixtures.fresh("msg-")), at,
        direction, MessageKind.TEXT, "preview"));
  }

  /** No change. */
  protected static UnaryOperator<Interaction> plain() {
    return UnaryOperator.identity();
  }

  /** Tags as a set, for expectations. */
  protected static Set<Tag> tags(String... names) {
    return Arrays.stream(names).map(Tag::of).collect(java.util.stream.Collectors.toSet());
  }

  /** An unused contact id. */
  protected final ContactId unknownContact() {
    return ContactId.of(fixtures.fresh("none-"));
  }
}
