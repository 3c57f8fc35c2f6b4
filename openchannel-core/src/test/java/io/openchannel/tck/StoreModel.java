package io.openchannel.tck;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * What a store should hold, the obvious way: one sorted map per table and a counter of inserts.
 * Every lookup is a scan. {@link StoreModelContract} compares a real store with it.
 */
final class StoreModel {
  static final String FIELD = "tier";

  final TreeMap<AccountId, Account> accounts = new TreeMap<>();
  final TreeMap<AgentId, Agent> agents = new TreeMap<>();
  final TreeMap<ContactId, Contact> contacts = new TreeMap<>();
  final TreeMap<ConversationId, Conversation> conversations = new TreeMap<>();
  final TreeMap<InteractionId, Interaction> interactions = new TreeMap<>();
  final TreeMap<MessageId, Message> messages = new TreeMap<>();
  private final Map<Object, Long> insertOrder = new HashMap<>();
  private long inserts;

  StoreModel copy() {
    StoreModel copy = new StoreModel();
    copy.accounts.putAll(accounts);
    copy.agents.putAll(agents);
    copy.contacts.putAll(contacts);
    copy.conversations.putAll(conversations);
    copy.interactions.putAll(interactions);
    copy.messages.putAll(messages);
    copy.insertOrder.putAll(insertOrder);
    copy.inserts = inserts;
    return copy;
  }

  /** Remembers that the entity with {@code id} was inserted now. */
  void inserted(Object id) {
    insertOrder.put(id, inserts++);
  }

  Optional<Contact> contactWith(ChannelIdentity identity) {
    return contacts.values().stream().filter(c -> c.identities().contains(identity)).findFirst();
  }

  Optional<Conversation> conversationWith(ConversationKey key) {
    return conversations.values().stream().filter(c -> c.key().equals(key)).findFirst();
  }

  Optional<Message> messageWith(AccountId account, String channelMessageId) {
    return messages.values().stream().filter(m -> m.account().equals(account)
        && m.channelMessageId().equals(Optional.of(channelMessageId))).findFirst();
  }

  /** Whether one of {@code c}'s identities belongs to another contact. */
  boolean identityTakenByOther(Contact c) {
    return c.identities().stream().anyMatch(i ->
        contactWith(i).filter(other -> !other.id().equals(c.id())).isPresent());
  }

  /** Whether another message on {@code m}'s account has {@code m}'s channel message id. */
  boolean channelMessageIdTakenByOther(Message m) {
    return m.channelMessageId().flatMap(cid -> messageWith(m.account(), cid))
        .filter(other -> !other.id().equals(m.id())).isPresent();
  }

  private List<Interaction> interactionsWhere(Predicate<Interaction> filter) {
    return interactions.values().stream().filter(filter)
        .sorted(Comparator.comparing(Interaction::startedAt)
            .thenComparing(i -> insertOrder.get(i.id())).reversed())
        .toList();
  }

  /** The fixed ids, identities, keys and values a model run uses; ids sort by index. */
  record Universe(String prefix) {
    static final int ACCOUNTS = 3;
    static final int AGENTS = 2;
    static final int CONTACTS = 3;
    static final int CONVERSATIONS = 3;
    static final int INTERACTIONS = 4;
    static final int MESSAGES = 5;
    static final int VALUES = 3;

    AccountId account(int i) {
      return AccountId.of(prefix + "acc-" + i);
    }

    AgentId agent(int i) {
      return AgentId.of(prefix + "agt-" + i);
    }

    ContactId contact(int i) {
      return ContactId.of(prefix + "con-" + i);
    }

    ConversationId conversation(int i) {
      return ConversationId.of(prefix + "cnv-" + i);
    }

    InteractionId interaction(int i) {
      return InteractionId.of(prefix + "int-" + i);
    }

    MessageId message(int i) {
      return MessageId.of(prefix + "msg-" + i);
    }

    /** Identity {@code i} of 4: two external ids on each of the first two accounts. */
    ChannelIdentity identity(int i) {
      return ChannelIdentity.of(account(i / 2), "ext-" + i % 2);
    }

    /** Key {@code i} of 4: two addresses on each of the first two accounts. */
    ConversationKey key(int i) {
      return ConversationKey.direct(account(i / 2), "addr-" + i % 2);
    }

    String value(int i) {
      return "v" + i;
    }
  }

  /** Every answer the model gives about the universe, by question. */
  Map<String, Object> answers(Universe u) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("accounts.list", List.copyOf(accounts.values()));
    a.put("agents.list", List.copyOf(agents.values()));
    each(Universe.CONTACTS, i -> a.put("contacts.find " + i,
        Optional.ofNullable(contacts.get(u.contact(i)))));
    each(4, i -> a.put("contacts.findByIdentity " + u.identity(i), contactWith(u.identity(i))));
    each(Universe.VALUES, i -> a.put("contacts.findByField " + u.value(i),
        contacts.values().stream().filter(c -> c.field(FIELD).equals(Optional.of(u.value(i))))
            .toList()));
    each(Universe.CONVERSATIONS, i -> a.put("conversations.find " + i,
        Optional.ofNullable(conversations.get(u.conversation(i)))));
    each(4, i -> a.put("conversations.findByKey " + u.key(i), conversationWith(u.key(i))));
    each(Universe.INTERACTIONS, i -> a.put("interactions.find " + i,
        Optional.ofNullable(interactions.get(u.interaction(i)))));
    each(Universe.CONVERSATIONS, i -> a.put("interactions.listByConversation " + i,
        interactionsWhere(x -> x.conversation().equals(u.conversation(i)))));
    each(Universe.CONTACTS, i -> a.put("interactions.listByContact " + i,
        interactionsWhere(x -> x.contact().equals(u.contact(i)))));
    each(Universe.MESSAGES, i -> a.put("messages.find " + i,
        Optional.ofNullable(messages.get(u.message(i)))));
    each(Universe.INTERACTIONS, i -> a.put("messages.listByInteraction " + i,
        messages.values().stream().filter(m -> m.interaction().equals(u.interaction(i)))
            .sorted(Comparator.comparing(m -> insertOrder.get(m.id()))).toList()));
    each(Universe.ACCOUNTS * Universe.VALUES, i -> a.put("messages.findByChannelMessageId " + i,
        messageWith(u.account(i / Universe.VALUES), u.value(i % Universe.VALUES))));
    return a;
  }

  /** The same questions asked of a store. */
  static Map<String, Object> answers(StoreTransaction tx, Universe u) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("accounts.list", tx.accounts().list());
    a.put("agents.list", tx.agents().list());
    each(Universe.CONTACTS, i -> a.put("contacts.find " + i, tx.contacts().find(u.contact(i))));
    each(4, i -> a.put("contacts.findByIdentity " + u.identity(i),
        tx.contacts().findByIdentity(u.identity(i))));
    each(Universe.VALUES, i -> a.put("contacts.findByField " + u.value(i),
        tx.contacts().findByField(FIELD, u.value(i))));
    each(Universe.CONVERSATIONS, i -> a.put("conversations.find " + i,
        tx.conversations().find(u.conversation(i))));
    each(4, i -> a.put("conversations.findByKey " + u.key(i),
        tx.conversations().findByKey(u.key(i))));
    each(Universe.INTERACTIONS, i -> a.put("interactions.find " + i,
        tx.interactions().find(u.interaction(i))));
    each(Universe.CONVERSATIONS, i -> a.put("interactions.listByConversation " + i,
        tx.interactions().listByConversation(u.conversation(i))));
    each(Universe.CONTACTS, i -> a.put("interactions.listByContact " + i,
        tx.interactions().listByContact(u.contact(i))));
    each(Universe.MESSAGES, i -> a.put("messages.find " + i, tx.messages().find(u.message(i))));
    each(Universe.INTERACTIONS, i -> a.put("messages.listByInteraction " + i,
        new ArrayList<>(tx.messages().listByInteraction(u.interaction(i)))));
    each(Universe.ACCOUNTS * Universe.VALUES, i -> a.put("messages.findByChannelMessageId " + i,
        tx.messages().findByChannelMessageId(u.account(i / Universe.VALUES),
            u.value(i % Universe.VALUES))));
    return a;
  }

  private static void each(int n, java.util.function.IntConsumer action) {
    IntStream.range(0, n).forEach(action);
  }
}
