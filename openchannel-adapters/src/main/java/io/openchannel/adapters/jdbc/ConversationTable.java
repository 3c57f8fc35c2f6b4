package io.openchannel.adapters.jdbc;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.spi.store.ConversationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conversations: the key's four parts are columns under one unique constraint (the thread is
 * {@code ''} when absent, since unique constraints let NULLs repeat).
 */
final class ConversationTable extends Rows<ConversationId, Conversation>
    implements ConversationRepository {
  private static final String NO_THREAD = "";

  ConversationTable(JdbcTransaction tx) {
    super(tx, "oc_conversation", "conversation", new String[] {"account_id", "address",
        "visibility", "thread_id", "contact_id", "open_interaction", "interaction_count",
        "unmanaged_count", "created_at", "last_inbound_at", "sent_after_window"},
        new String[] {"account_id", "address", "visibility", "thread_id", "contact_id"},
        new String[0][], "");
  }

  @Override
  public Optional<Conversation> findByKey(ConversationKey key) {
    return tx.queryOne("finding conversation " + key, select() + " WHERE account_id = ? AND "
            + "address = ? AND visibility = ? AND thread_id = ?", this::read,
        key(key));
  }

  @Override
  public Map<ConversationKey, Conversation> findByKeys(Collection<ConversationKey> keys) {
    // By account and address, which the key's unique index leads with; the rest is sorted out
    // here (a customer rarely has more than one visibility or thread).
    Map<AccountId, Set<String>> addresses = new LinkedHashMap<>();
    for (ConversationKey key : keys) {
      addresses.computeIfAbsent(key.account(), a -> new LinkedHashSet<>()).add(key.address());
    }
    Set<ConversationKey> wanted = new HashSet<>(keys);
    Map<ConversationKey, Conversation> found = new LinkedHashMap<>();
    for (Map.Entry<AccountId, Set<String>> account : addresses.entrySet()) {
      for (Conversation c : Bulk.queryIn(tx, "finding " + account.getValue().size()
              + " conversations of " + account.getKey().value(),
          select(), "account_id = ? AND ", "address",
          new Object[] {account.getKey().value()}, List.copyOf(account.getValue()), true,
          this::read)) {
        if (wanted.contains(c.key())) {
          found.put(c.key(), c);
        }
      }
    }
    return found;
  }

  private static Object[] key(ConversationKey key) {
    return new Object[] {key.account().value(), key.address(), key.visibility().name(),
        key.threadId().orElse(NO_THREAD)};
  }

  @Override
  String id(ConversationId id) {
    return id.value();
  }

  @Override
  ConversationId idOf(Conversation c) {
    return c.id();
  }

  @Override
  long version(Conversation c) {
    return c.version();
  }

  @Override
  Conversation withVersion(Conversation c, long version) {
    return c.withVersion(version);
  }

  @Override
  Object[] values(Conversation c) {
    return concat(key(c.key()), new Object[] {c.contact().value(),
        Sql.text(c.openInteraction().map(InteractionId::value)), c.interactionCount(),
        c.unmanagedCount(), Sql.nanos(c.createdAt()), Sql.nanos(c.lastInboundAt()),
        c.sentAfterWindow()});
  }

  @Override
  Object[] immutableValues(Conversation c) {
    return concat(key(c.key()), new Object[] {c.contact().value()});
  }

  @Override
  Conversation read(ResultSet rs) throws SQLException {
    String thread = rs.getString("thread_id");
    ConversationKey key = new ConversationKey(AccountId.of(rs.getString("account_id")),
        rs.getString("address"), Visibility.valueOf(rs.getString("visibility")),
        thread.equals(NO_THREAD) ? Optional.empty() : Optional.of(thread));
    return new Conversation(ConversationId.of(rs.getString("id")), key,
        ContactId.of(rs.getString("contact_id")),
        Sql.optionalText(rs, "open_interaction").map(InteractionId::of),
        rs.getInt("interaction_count"), rs.getInt("unmanaged_count"),
        Sql.instant(rs.getLong("created_at")), Sql.optionalInstant(rs, "last_inbound_at"),
        rs.getInt("sent_after_window"), rs.getLong("version"));
  }
}
