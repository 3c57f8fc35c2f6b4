package io.openchannel.internal.store;

import io.openchannel.ConcurrentUpdateException;
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
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.query.InteractionQuery;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.AccountRepository;
import io.openchannel.spi.store.AgentRepository;
import io.openchannel.spi.store.ContactRepository;
import io.openchannel.spi.store.ConversationRepository;
import io.openchannel.spi.store.InteractionRepository;
import io.openchannel.spi.store.InteractionSlice;
import io.openchannel.spi.store.MessageRepository;
import io.openchannel.spi.store.Repository;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The in-memory {@link Store}. Writers are serialised by a write lock held for the whole
 * transaction, which makes every transaction atomic and isolated; readers share a read lock and
 * always see whole transactions. Writes go to an overlay that is applied on commit and dropped
 * on rollback, so a failed transaction leaves no trace.
 */
public final class InMemoryStore implements Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** One for the store, so that every engine sharing it sees the same claims. */
  private final LocalOutboxClaims outboxClaims = new LocalOutboxClaims(this);

  // Open addressing: one map entry per contact and per conversation, of which a busy store has
  // millions, without a HashMap node each for the collector to copy and trace.
  private final CompactMap<ChannelIdentity, ContactId> contactByIdentity = new CompactMap<>();
  private final Map<FieldValue, Set<ContactId>> contactsByField = new HashMap<>();
  private final CompactMap<ConversationKey, ConversationId> conversationByKey = new CompactMap<>();
  private final IdGroups<ConversationId, InteractionId> interactionsByConversation = new IdGroups<>();
  private final IdGroups<ContactId, InteractionId> interactionsByContact = new IdGroups<>();
  /** An interaction's messages in insert order, as the message table keeps them (no id objects). */
  private final IdGroups<InteractionId, StoredMessage> messagesByInteraction = new IdGroups<>();
  // Per account, then by the channel's id: no key object per message (24 bytes each, kept for
  // as long as the message is) and none allocated per lookup.
  private final Map<AccountId, CompactMap<String, StoredMessage>> messageByChannelId =
      new HashMap<>();
  private final Set<MessageId> queuedMessages = new java.util.LinkedHashSet<>();
  private final InteractionIndex view =
      new InteractionIndex(interactionsByContact::get, this::viewRowOf);

  private final Table<AccountId, Account> accounts = new Table<>("account", Account::id,
      Account::version, Account::withVersion, (o, n) -> {});
  private final Table<AgentId, Agent> agents = new Table<>("agent", Agent::id, Agent::version,
      Agent::withVersion, (o, n) -> {});
  private final Table<ContactId, Contact> contacts = new Table<>("contact", Contact::id,
      Contact::version, Contact::withVersion, this::indexContact);
  private final Table<ConversationId, Conversation> conversations = new Table<>("conversation",
      Conversation::id, Conversation::version, Conversation::withVersion,
      this::indexConversation);
  private final Table<InteractionId, Interaction> interactions = new Table<>("interaction",
      Interaction::id, Interaction::version, Interaction::withVersion, new InteractionForm(),
      this::indexInteraction);
  private final Table<MessageId, Message> messages = new Table<>("message", Message::id,
      Message::version, Message::withVersion, new MessageForm(), this::indexMessage);
  private final List<Table<?, ?>> tables =
      List.of(accounts, agents, contacts, conversations, interactions, messages);
  // A Tx holds no state of its own (the tables and the lock do), so one writer and one reader
  // serve every transaction; the engine asks for repositories dozens of times per message, and
  // each request used to allocate a transaction view or a repository.
  private final Tx writer = new Tx(false);
  private final Tx reader = new Tx(true);

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    Objects.requireNonNull(work, "work");
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException("inTransaction() inside read() would wait for itself forever; "
          + "write outside the read");
    }
    lock.writeLock().lock();
    try {
      T result;
      try {
        result = work.apply(writer);
      } catch (Throwable e) { // also a checked exception thrown sneakily: roll back whatever it is
        for (int i = 0; i < tables.size(); i++) {
          tables.get(i).rollback();
        }
        throw e;
      }
      // Indexed loops: forEach's iterator was allocated twice per transaction.
      for (int i = 0; i < tables.size(); i++) {
        tables.get(i).commit();
      }
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public io.openchannel.spi.store.OutboxClaims outboxClaims() {
    return outboxClaims;
  }

  @Override
  public <T> T read(Function<StoreTransaction, T> work) {
    Objects.requireNonNull(work, "work");
    if (lock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("read() inside inTransaction() would not see the open writes; "
          + "use the transaction you were given");
    }
    lock.readLock().lock();
    try {
      return work.apply(reader);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many messages are stored (for tests and benchmarks). */
  public int messageCount() {
    lock.readLock().lock();
    try {
      return messages.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every committed interaction, in no order (for tests that compare with a full scan). */
  List<Interaction> committedInteractions() {
    lock.readLock().lock();
    try {
      return interactions.committedRows();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void indexContact(Contact old, Contact now) {
    if (old != null) {
      old.identities().forEach(i -> contactByIdentity.remove(i, old.id()));
      old.fields().forEach((f, v) -> {
        FieldValue key = new FieldValue(f, v);
        Set<ContactId> ids = contactsByField.get(key);
        if (ids != null && ids.remove(old.id()) && ids.isEmpty()) {
          contactsByField.remove(key);
        }
      });
    }
    now.identities().forEach(i -> contactByIdentity.put(i, now.id()));
    now.fields().forEach((f, v) ->
        contactsByField.computeIfAbsent(new FieldValue(f, v), k -> new TreeSet<>()).add(now.id()));
    view.contact(old, now);
  }

  private void indexConversation(Conversation old, Conversation now) {
    // A conversation's key never changes (the repository refuses it), so only an insert is
    // indexed; re-putting it on every update cost a hash lookup and a write into an old
    // object the garbage collector then had to rescan.
    if (old == null) {
      conversationByKey.put(now.key(), now.id());
    }
  }

  private void indexInteraction(Interaction old, Interaction now, Object kept) {
    if (old == null) {
      interactionsByConversation.add(now.conversation(), now.id());
      interactionsByContact.add(now.contact(), now.id());
    }
    view.interaction(old, now, (KeptInteraction) kept);
  }

  /** An interaction's row in the view's index, or -1 if it is not committed. */
  private int viewRowOf(InteractionId interaction) {
    Object kept = interactions.kept(interaction);
    return kept == null ? -1 : ((KeptInteraction) kept).viewRow;
  }

  private void indexMessage(Message old, Message now, Object kept) {
    StoredMessage stored = (StoredMessage) kept;
    view.message(old, now);
    if (old == null) {
      messagesByInteraction.add(now.interaction(), stored);
    } else {
      if (old.channelMessageId().isPresent()) {
        CompactMap<String, StoredMessage> ofAccount = messageByChannelId.get(old.account());
        if (ofAccount != null) {
          ofAccount.remove(old.channelMessageId().get(), stored);
        }
      }
    }
    if (now.channelMessageId().isPresent()) {
      messageByChannelId.computeIfAbsent(now.account(), a -> new CompactMap<>())
          .put(now.channelMessageId().get(), stored);
    }
    if (now.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED))) {
      queuedMessages.add(now.id()); // a retried message joins the end: it was queued last
    } else {
      queuedMessages.remove(now.id());
    }
  }

  private record FieldValue(String field, String value) {}

  /** A view of committed rows plus this transaction's writes. */
  private final class Tx implements StoreTransaction {
    private final boolean readOnly;

    Tx(boolean readOnly) {
      this.readOnly = readOnly;
    }

    private void writable() {
      if (readOnly) {
        throw new IllegalStateException("this is a read-only transaction; write in inTransaction()");
      }
    }

    /**
     * Insert, update and find on one table, refusing writes in a read-only view. Subclasses add
     * their unique rules (checked before every write) and their lookups.
     */
    private abstract class Rows<I, T> implements Repository<I, T> {
      final Table<I, T> table;
      private final java.util.function.BiConsumer<T, T> updateCheck = this::beforeUpdate;

      Rows(Table<I, T> table) {
        this.table = table;
      }

      /** Refuses a row that would break a unique rule; by default nothing to check. */
      void beforeWrite(T row) {}

      void beforeInsert(T row) {
        beforeWrite(row);
      }

      /** Refuses an update of {@code current} to {@code row}; by default the unique rules. */
      void beforeUpdate(T current, T row) {
        beforeWrite(row);
      }

      @Override
      public final T insert(T row) {
        writable();
        beforeInsert(row);
        return table.insert(row);
      }

      @Override
      public final T update(T row) {
        writable();
        return table.update(row, updateCheck);
      }

      @Override
      public final Optional<T> find(I id) {
        return table.find(id);
      }
    }

    private final class Accounts extends Rows<AccountId, Account> implements AccountRepository {
      Accounts() {
        super(accounts);
      }

      @Override
      public List<Account> list() {
        return merged(accounts, Comparator.comparing(Account::id));
      }
    }

    private final class Agents extends Rows<AgentId, Agent> implements AgentRepository {
      Agents() {
        super(agents);
      }

      @Override
      public List<Agent> list() {
        return merged(agents, Comparator.comparing(Agent::id));
      }
    }

    private final class Contacts extends Rows<ContactId, Contact> implements ContactRepository {
      Contacts() {
        super(contacts);
      }

      @Override
      void beforeWrite(Contact c) {
        checkIdentitiesFree(c);
      }

      @Override
      public Optional<Contact> findByIdentity(ChannelIdentity identity) {
        for (Contact c : contacts.pendingRows()) {
          if (c.identities().contains(identity)) {
            return Optional.of(c);
          }
        }
        // The committed owner may have dropped the identity in this transaction.
        ContactId id = contactByIdentity.get(identity);
        return id == null ? Optional.empty()
            : contacts.find(id).filter(c -> c.identities().contains(identity));
      }

      @Override
      public List<Contact> findByField(String field, String value) {
        TreeSet<ContactId> ids = new TreeSet<>(
            contactsByField.getOrDefault(new FieldValue(field, value), Set.of()));
        for (Contact c : contacts.pendingRows()) {
          ids.add(c.id());
        }
        List<Contact> found = new ArrayList<>();
        for (ContactId id : ids) {
          contacts.find(id).filter(c -> value.equals(c.fields().get(field))).ifPresent(found::add);
        }
        return found;
      }

      private void checkIdentitiesFree(Contact c) {
        for (ChannelIdentity identity : c.identities()) {
          findByIdentity(identity).filter(other -> !other.id().equals(c.id())).ifPresent(other -> {
            throw new ConcurrentUpdateException(
                "identity " + identity + " already belongs to contact " + other.id());
          });
        }
      }
    }

    private final class Conversations extends Rows<ConversationId, Conversation>
        implements ConversationRepository {
      Conversations() {
        super(conversations);
      }

      @Override
      void beforeInsert(Conversation c) {
        findByKey(c.key()).ifPresent(other -> {
          throw new ConcurrentUpdateException(
              "conversation " + c.key() + " already exists as " + other.id());
        });
      }

      @Override
      void beforeUpdate(Conversation current, Conversation c) {
        if (!current.key().equals(c.key())) {
          throw new IllegalArgumentException("a conversation's key never changes");
        }
      }

      @Override
      public Optional<Conversation> findByKey(ConversationKey key) {
        for (Conversation c : conversations.pendingRows()) {
          if (c.key().equals(key)) {
            return Optional.of(c);
          }
        }
        ConversationId id = conversationByKey.get(key);
        return id == null ? Optional.empty() : conversations.find(id);
      }
    }

    private final class Interactions extends Rows<InteractionId, Interaction>
        implements InteractionRepository {
      Interactions() {
        super(interactions);
      }

      @Override
      public List<Interaction> listByConversation(ConversationId conversation) {
        return newestFirst(interactionsByConversation.get(conversation),
            i -> i.conversation().equals(conversation));
      }

      @Override
      public List<Interaction> listByContact(ContactId contact) {
        return newestFirst(interactionsByContact.get(contact),
            i -> i.contact().equals(contact));
      }

      @Override
      public InteractionSlice query(InteractionQuery query) {
        Objects.requireNonNull(query, "query");
        // Committed rows only: the engine queries inside read(), never after writing.
        return view.query(query, i -> contacts.committed(i.contact()), i -> messagesOf(i.id()));
      }

      private List<Message> messagesOf(InteractionId interaction) {
        List<StoredMessage> kept = messagesByInteraction.get(interaction);
        List<Message> rows = new ArrayList<>(kept.size());
        for (StoredMessage k : kept) {
          rows.add(messages.committedOf(k));
        }
        return rows;
      }

      private List<Interaction> newestFirst(List<InteractionId> committedIds,
          java.util.function.Predicate<Interaction> belongs) {
        List<Interaction> rows = new ArrayList<>(committedIds.size() + 1);
        for (InteractionId id : committedIds) {
          rows.add(interactions.find(id).orElseThrow());
        }
        for (Interaction i : interactions.pendingRows()) {
          if (belongs.test(i) && interactions.committed(i.id()) == null) {
            rows.add(i);
          }
        }
        java.util.Collections.reverse(rows);
        rows.sort(Comparator.comparing(Interaction::startedAt).reversed());
        return rows;
      }
    }

    private final class Messages extends Rows<MessageId, Message> implements MessageRepository {
      Messages() {
        super(messages);
      }

      @Override
      void beforeWrite(Message m) {
        checkChannelIdFree(m);
      }

      @Override
      public List<Message> listByInteraction(InteractionId interaction) {
        List<StoredMessage> kept = messagesByInteraction.get(interaction);
        List<Message> rows = new ArrayList<>(kept.size() + 1);
        for (StoredMessage k : kept) {
          rows.add(messages.current(k));
        }
        for (Message m : messages.pendingRows()) {
          if (m.interaction().equals(interaction) && messages.committed(m.id()) == null) {
            rows.add(m);
          }
        }
        return rows;
      }

      @Override
      public List<Message> listQueued(int limit) {
        List<Message> rows = new ArrayList<>();
        for (MessageId id : queuedMessages) {
          if (rows.size() == limit) {
            return rows;
          }
          messages.find(id).filter(Tx::isQueued).ifPresent(rows::add);
        }
        for (Message m : messages.pendingRows()) {
          if (rows.size() < limit && isQueued(m) && !queuedMessages.contains(m.id())) {
            rows.add(m);
          }
        }
        return rows;
      }

      @Override
      public Optional<Message> findByChannelMessageId(AccountId account, String channelMessageId) {
        for (Message m : messages.pendingRows()) {
          if (m.account().equals(account) && m.channelMessageId().equals(Optional.of(channelMessageId))) {
            return Optional.of(m);
          }
        }
        // The committed owner may have given the id up in this transaction.
        CompactMap<String, StoredMessage> ofAccount = messageByChannelId.get(account);
        StoredMessage kept = ofAccount == null ? null : ofAccount.get(channelMessageId);
        return kept == null ? Optional.empty() : Optional.of(messages.current(kept))
            .filter(m -> m.channelMessageId().equals(Optional.of(channelMessageId)));
      }

      private void checkChannelIdFree(Message m) {
        m.channelMessageId().ifPresent(cid ->
            findByChannelMessageId(m.account(), cid).filter(other -> !other.id().equals(m.id()))
                .ifPresent(other -> {
                  throw new ConcurrentUpdateException("channel message " + cid + " on account "
                      + m.account() + " is already stored as " + other.id());
                }));
      }
    }

    // One instance each per view: they hold no state of their own (the tables and lock do).
    private final AccountRepository accountsRepository = new Accounts();
    private final AgentRepository agentsRepository = new Agents();
    private final ContactRepository contactsRepository = new Contacts();
    private final ConversationRepository conversationsRepository = new Conversations();
    private final InteractionRepository interactionsRepository = new Interactions();
    private final MessageRepository messagesRepository = new Messages();

    @Override
    public AccountRepository accounts() {
      return accountsRepository;
    }

    @Override
    public AgentRepository agents() {
      return agentsRepository;
    }

    @Override
    public ContactRepository contacts() {
      return contactsRepository;
    }

    @Override
    public ConversationRepository conversations() {
      return conversationsRepository;
    }

    @Override
    public InteractionRepository interactions() {
      return interactionsRepository;
    }

    @Override
    public MessageRepository messages() {
      return messagesRepository;
    }

    private static boolean isQueued(Message m) {
      return m.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED));
    }

    private <I, T> List<T> merged(Table<I, T> table, Comparator<T> byId) {
      TreeSet<T> rows = new TreeSet<>(byId);
      rows.addAll(table.pendingRows()); // the transaction's own version wins:
      rows.addAll(table.committedRows()); // a TreeSet keeps the first of two equal ids
      return new ArrayList<>(rows);
    }
  }
}
