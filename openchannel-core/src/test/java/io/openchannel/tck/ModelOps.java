package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.tck.StoreModel.Universe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The random operations of {@link StoreModelContract}. Each names entities by small indexes into
 * the {@link Universe}, so ids, identities, keys and channel message ids collide often. When
 * {@code aimed}, an insert takes a free id and an update a stored entity, so that most operations
 * succeed and state builds up (an aimed update waits until something is stored); otherwise the
 * index is used as is and may clash or be unknown.
 * {@code stale} picks the version an update sends: 0 the stored one, 1 an older one (a newer one
 * for version 0), 2 a newer one. An operation resolves against the model into a {@link Step}.
 */
final class ModelOps {
  private ModelOps() {}

  /** A repository call and its outcome: returns {@code expected} or throws one of {@code failures}. */
  record Step(String label, Function<StoreTransaction, Object> call, Object expected,
      Set<Class<? extends RuntimeException>> failures) {}

  /** An operation of a random history. */
  sealed interface Op {
    /** The step to run, applied to {@code m} if it succeeds; null if the op cannot apply yet. */
    Step resolve(StoreModel m, Universe u);
  }

  /** The operations of one transaction; {@code abort}: the work throws after them. */
  record Tx(List<Op> ops, boolean abort) {}

  record InsertAccount(boolean aimed, int index, int name) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      AccountId id = pickNew(aimed, index, Universe.ACCOUNTS, u::account, m.accounts);
      Account a = Account.of(id, ChannelType.GENERIC, "n" + name, AccountSettings.defaults());
      return insert(m, m.accounts.containsKey(id), m.accounts, id, a,
          tx -> tx.accounts().insert(a));
    }
  }

  record UpdateAccount(boolean aimed, int index, int name, int stale) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.accounts.isEmpty()) {
        return null;
      }
      AccountId id = pickStored(aimed, index, u::account, m.accounts);
      Account stored = m.accounts.get(id);
      Account a = (stored != null ? stored
          : Account.of(id, ChannelType.GENERIC, "x", AccountSettings.defaults()))
          .withName("n" + name).withVersion(version(stored, stale));
      return update(this, m.accounts, id, stored, a, false, a.withVersion(a.version() + 1),
          tx -> tx.accounts().update(a));
    }
  }

  record InsertAgent(boolean aimed, int index, int capacity) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      AgentId id = pickNew(aimed, index, Universe.AGENTS, u::agent, m.agents);
      Agent a = Agent.of(id, "agent").withCapacity(Map.of(ChannelType.GENERIC, capacity));
      return insert(m, m.agents.containsKey(id), m.agents, id, a, tx -> tx.agents().insert(a));
    }
  }

  record UpdateAgent(boolean aimed, int index, int capacity, int stale) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.agents.isEmpty()) {
        return null;
      }
      AgentId id = pickStored(aimed, index, u::agent, m.agents);
      Agent stored = m.agents.get(id);
      Agent a = (stored != null ? stored : Agent.of(id, "agent"))
          .withCapacity(Map.of(ChannelType.GENERIC, capacity)).withVersion(version(stored, stale));
      return update(this, m.agents, id, stored, a, false, a.withVersion(a.version() + 1),
          tx -> tx.agents().update(a));
    }
  }

  record InsertContact(boolean aimed, int index, int identities, int field) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      ContactId id = pickNew(aimed, index, Universe.CONTACTS, u::contact, m.contacts);
      Contact c = contact(m, u, id, identities, field, 0);
      boolean clash = m.contacts.containsKey(id) || m.identityTakenByOther(c);
      return insert(m, clash, m.contacts, id, c, tx -> tx.contacts().insert(c));
    }
  }

  record UpdateContact(boolean aimed, int index, int identities, int field, int stale)
      implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.contacts.isEmpty()) {
        return null;
      }
      ContactId id = pickStored(aimed, index, u::contact, m.contacts);
      Contact stored = m.contacts.get(id);
      Contact c = contact(m, u, id, identities, field, version(stored, stale));
      return update(this, m.contacts, id, stored, c, m.identityTakenByOther(c),
          c.withVersion(c.version() + 1), tx -> tx.contacts().update(c));
    }
  }

  record InsertConversation(boolean aimed, int index, int key, int contact) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (m.contacts.isEmpty() || !m.accounts.containsKey(u.key(key).account())) {
        return null;
      }
      ConversationId id = pickNew(aimed, index, Universe.CONVERSATIONS, u::conversation,
          m.conversations);
      ContactId owner = nth(m.contacts, contact);
      Conversation c = Conversation.start(id, u.key(key), owner, T0);
      boolean clash = m.conversations.containsKey(id) || m.conversationWith(c.key()).isPresent();
      return insert(m, clash, m.conversations, id, c, tx -> tx.conversations().insert(c));
    }
  }

  record UpdateConversation(boolean aimed, int index, int count, int stale) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.conversations.isEmpty()) {
        return null;
      }
      ConversationId id = pickStored(aimed, index, u::conversation, m.conversations);
      Conversation stored = m.conversations.get(id);
      Conversation c = stored != null
          ? new Conversation(id, stored.key(), stored.contact(), Optional.empty(), count, 0, T0,
              Optional.empty(), 0, version(stored, stale))
          : new Conversation(id, u.key(0), u.contact(0), Optional.empty(), count, 0, T0,
              Optional.empty(), 0, 0);
      return update(this, m.conversations, id, stored, c, false, c.withVersion(c.version() + 1),
          tx -> tx.conversations().update(c));
    }
  }

  record InsertInteraction(boolean aimed, int index, int conversation, int start) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (m.conversations.isEmpty()) {
        return null;
      }
      InteractionId id = pickNew(aimed, index, Universe.INTERACTIONS, u::interaction,
          m.interactions);
      Conversation of = m.conversations.get(nth(m.conversations, conversation));
      Interaction i = Interaction.open(id, of, Direction.IN, StoreFixtures.at(start));
      return insert(m, m.interactions.containsKey(id), m.interactions, id, i,
          tx -> tx.interactions().insert(i));
    }
  }

  record UpdateInteraction(boolean aimed, int index, int tag, int stale) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.interactions.isEmpty()) {
        return null;
      }
      InteractionId id = pickStored(aimed, index, u::interaction, m.interactions);
      Interaction stored = m.interactions.get(id);
      Interaction base = stored != null ? stored : new Interaction(id, u.conversation(0),
          u.account(0), u.contact(0), Visibility.PRIVATE, Direction.IN, InteractionStatus.OPEN, T0,
          Optional.empty(), Optional.empty(), false, new TreeSet<>(), Optional.empty(),
          Optional.empty(), Optional.empty(), 0);
      Interaction i = base.withTags(Set.of(Tag.of("t" + tag))).withVersion(version(stored, stale));
      return update(this, m.interactions, id, stored, i, false, i.withVersion(i.version() + 1),
          tx -> tx.interactions().update(i));
    }
  }

  record InsertMessage(boolean aimed, int index, int interaction, int cid) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (m.interactions.isEmpty()) {
        return null;
      }
      MessageId id = pickNew(aimed, index, Universe.MESSAGES, u::message, m.messages);
      Interaction of = m.interactions.get(nth(m.interactions, interaction));
      Message msg = new Message(id, of.id(), of.account(), Direction.IN, MessageKind.TEXT, "hi",
          Optional.empty(), Optional.empty(), false, false, channelMessageId(u, cid),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0, 0);
      boolean clash = m.messages.containsKey(id) || m.channelMessageIdTakenByOther(msg);
      return insert(m, clash, m.messages, id, msg, tx -> tx.messages().insert(msg));
    }
  }

  record UpdateMessage(boolean aimed, int index, int cid, int stale) implements Op {
    public Step resolve(StoreModel m, Universe u) {
      if (aimed && m.messages.isEmpty()) {
        return null;
      }
      MessageId id = pickStored(aimed, index, u::message, m.messages);
      Message stored = m.messages.get(id);
      Message base = stored != null ? stored : new Message(id, u.interaction(0), u.account(0),
          Direction.IN, MessageKind.TEXT, "hi", Optional.empty(), Optional.empty(), false, false,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          T0, 0);
      Message msg = StoreFixtures.withChannelMessageId(base, channelMessageId(u, cid))
          .withVersion(version(stored, stale));
      return update(this, m.messages, id, stored, msg, m.channelMessageIdTakenByOther(msg),
          msg.withVersion(msg.version() + 1), tx -> tx.messages().update(msg));
    }
  }

  private static <I, T> Step insert(StoreModel m, boolean clash, TreeMap<I, T> table, I id,
      T entity, Function<StoreTransaction, Object> call) {
    String label = "insert " + entity;
    if (clash) {
      return new Step(label, call, null, Set.of(ConcurrentUpdateException.class));
    }
    table.put(id, entity);
    m.inserted(id);
    return new Step(label, call, entity, Set.of());
  }

  private static <I, T> Step update(Op op, TreeMap<I, T> table, I id, T stored, T sent,
      boolean clash, T bumped, Function<StoreTransaction, Object> call) {
    String label = op + ": update " + sent + " over " + stored;
    Set<Class<? extends RuntimeException>> failures = new LinkedHashSet<>();
    if (stored == null) {
      failures.add(NotFoundException.class);
    }
    if (clash || stored != null && version(stored, 0) != version(sent, 0)) {
      failures.add(ConcurrentUpdateException.class);
    }
    if (!failures.isEmpty()) {
      return new Step(label, call, null, failures);
    }
    table.put(id, bumped);
    return new Step(label, call, bumped, Set.of());
  }

  /** A free id if aimed and one is left, else the index's id. */
  private static <I> I pickNew(boolean aimed, int index, int size, IntFunction<I> ids,
      Map<I, ?> table) {
    for (int k = 0; aimed && k < size; k++) {
      I id = ids.apply((index + k) % size);
      if (!table.containsKey(id)) {
        return id;
      }
    }
    return ids.apply(index);
  }

  /** A stored entity's id if aimed, else the index's id. */
  private static <I> I pickStored(boolean aimed, int index, IntFunction<I> ids,
      TreeMap<I, ?> table) {
    return aimed ? nth(table, index) : ids.apply(index);
  }

  private static <I> I nth(TreeMap<I, ?> table, int index) {
    return new ArrayList<>(table.keySet()).get(index % table.size());
  }

  /** The version an update sends, given the stored entity (null: unknown, sends 0). */
  private static long version(Object stored, int stale) {
    if (stored == null) {
      return 0;
    }
    long version = stored instanceof Account a ? a.version()
        : stored instanceof Agent a ? a.version()
        : stored instanceof Contact c ? c.version()
        : stored instanceof Conversation c ? c.version()
        : stored instanceof Interaction i ? i.version()
        : ((Message) stored).version();
    return switch (stale) {
      case 0 -> version;
      case 1 -> version == 0 ? 1 : version - 1;
      default -> version + 2;
    };
  }

  /** The identities of {@code mask} whose account is stored; field value {@code field}, 3: none. */
  private static Contact contact(StoreModel m, Universe u, ContactId id, int mask, int field,
      long version) {
    Set<ChannelIdentity> identities = new LinkedHashSet<>();
    IntStream.range(0, 4).filter(bit -> (mask & 1 << bit) != 0).mapToObj(u::identity)
        .filter(i -> m.accounts.containsKey(i.account())).forEach(identities::add);
    Map<String, String> fields = field < Universe.VALUES
        ? Map.of(StoreModel.FIELD, u.value(field)) : Map.of();
    return new Contact(id, Optional.empty(), Optional.empty(), fields, identities, T0, version);
  }

  private static Optional<String> channelMessageId(Universe u, int cid) {
    return cid < Universe.VALUES ? Optional.of(u.value(cid)) : Optional.empty();
  }
}
