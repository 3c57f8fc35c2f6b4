package io.openchannel.tck;

import io.openchannel.account.ChannelType;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.spi.store.Repository;
import io.openchannel.spi.store.StoreTransaction;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One kind of entity, seen generically by {@link RepositoryContract}: how to reach its repository,
 * how to build a new one whose references are stored, and how to change one.
 *
 * @param name how test reports name the kind
 * @param repository the kind's repository in a transaction
 * @param fresh a new entity (version 0, not stored); stores what it refers to first
 * @param change a copy with some non-key field changed, same id and version
 * @param id the entity's id
 * @param version the entity's version
 * @param withVersion a copy with another version
 * @param list every entity of the kind, for the kinds whose repository lists them; else null
 */
record EntityKind<I, T>(
    String name,
    Function<StoreTransaction, Repository<I, T>> repository,
    Function<StoreContractSupport, T> fresh,
    UnaryOperator<T> change,
    Function<T, I> id,
    ToLongFunction<T> version,
    BiFunction<T, Long, T> withVersion,
    Function<StoreTransaction, List<T>> list) {

  /** The six kinds of the store. */
  static Stream<EntityKind<?, ?>> all() {
    return Stream.of(
        new EntityKind<>("accounts", StoreTransaction::accounts, s -> s.fixtures.account(),
            a -> a.withName(a.name() + "+"), a -> a.id(), a -> a.version(), (a, v) -> a.withVersion(v),
            tx -> tx.accounts().list()),
        new EntityKind<>("agents", StoreTransaction::agents, s -> s.fixtures.agent(),
            EntityKind::oneMoreCapacity, Agent::id, Agent::version, Agent::withVersion,
            tx -> tx.agents().list()),
        new EntityKind<>("contacts", StoreTransaction::contacts,
            s -> s.fixtures.contact(s.fixtures.identity(s.givenAccount())),
            EntityKind::oneMoreVisit, Contact::id, Contact::version, Contact::withVersion, null),
        new EntityKind<>("conversations", StoreTransaction::conversations,
            s -> s.fixtures.conversation(s.givenAccount(), s.givenContact()),
            EntityKind::oneMoreInteraction, Conversation::id, Conversation::version,
            Conversation::withVersion, null),
        new EntityKind<>("interactions", StoreTransaction::interactions,
            s -> s.fixtures.interaction(s.givenConversation()),
            EntityKind::oneMoreTag, Interaction::id, Interaction::version, Interaction::withVersion, null),
        new EntityKind<>("messages", StoreTransaction::messages,
            s -> s.fixtures.message(s.givenInteraction(), s.fixtures.fresh("cid-")),
            EntityKind::toggleCanned, Message::id, Message::version, Message::withVersion, null));
  }

  /** The kinds whose repository has {@code list()}: accounts and agents. */
  static Stream<EntityKind<?, ?>> listed() {
    return all().filter(kind -> kind.list() != null);
  }

  /** A new entity whose references are stored. */
  T fresh(StoreContractSupport support) {
    return fresh.apply(support);
  }

  T withVersion(T entity, long newVersion) {
    return withVersion.apply(entity, newVersion);
  }

  long versionOf(T entity) {
    return version.applyAsLong(entity);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Agent oneMoreCapacity(Agent a) {
    return a.withCapacity(Map.of(ChannelType.GENERIC, a.capacityFor(ChannelType.GENERIC) + 1));
  }

  private static Contact oneMoreVisit(Contact c) {
    return c.withField("visits", String.valueOf(Integer.parseInt(c.field("visits").orElse("0")) + 1));
  }

  private static Conversation oneMoreInteraction(Conversation c) {
    return new Conversation(c.id(), c.key(), c.contact(), c.openInteraction(),
        c.interactionCount() + 1, c.unmanagedCount(), c.createdAt(), c.lastInboundAt(),
        c.sentAfterWindow(), c.version());
  }

  private static Interaction oneMoreTag(Interaction i) {
    TreeSet<Tag> tags = new TreeSet<>(i.tags());
    tags.add(Tag.of("tag-" + tags.size()));
    return i.withTags(tags);
  }

  private static Message toggleCanned(Message m) {
    return new Message(m.id(), m.interaction(), m.account(), m.direction(), m.kind(), m.text(),
        m.attachment(), m.author(), m.autoReply(), !m.canned(), m.channelMessageId(),
        m.deliveryStatus(), m.failureReason(), m.template(), m.sendTerms(), m.createdAt(), m.version());
  }
}
