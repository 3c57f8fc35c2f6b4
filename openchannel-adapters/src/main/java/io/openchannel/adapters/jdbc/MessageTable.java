package io.openchannel.adapters.jdbc;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.query.Searchable;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.SearchText;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.MessageRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages: {@code (account_id, channel_message_id)} is unique (inbound dedupe; NULLs never
 * clash); {@code seq} is the insertion order; {@code queue_seq} is set while the message is
 * {@code QUEUED} and drawn anew when it becomes queued again, so a retried message rejoins the
 * outbox at its end.
 */
final class MessageTable extends Rows<MessageId, Message> implements MessageRepository {

  /** The searchable texts of the messages this transaction read or wrote, as indexed. */
  private final StoredChildren<List<String>> indexed = new StoredChildren<>();

  MessageTable(JdbcTransaction tx) {
    super(tx, "oc_message", "message", new String[] {"interaction_id", "account_id", "direction",
        "kind", "body", "body_norm", "attachment", "author", "auto_reply", "canned", "channel_message_id",
        "delivery_status", "failure_reason", "template", "send_terms", "created_at"},
        new String[] {"interaction_id", "account_id"},
        new String[][] {{"seq", tx.dialect().nextSeq()},
            {"queue_seq", "CASE WHEN ? = 1 THEN " + tx.dialect().nextSeq() + " ELSE NULL END"}},
        "queue_seq = CASE WHEN ? = 1 THEN COALESCE(queue_seq, " + tx.dialect().nextSeq()
            + ") ELSE NULL END, ");
  }

  @Override
  public List<Message> listByInteraction(InteractionId interaction) {
    return tx.query("listing the messages of interaction " + interaction.value(),
        select() + " WHERE interaction_id = ? ORDER BY seq", this::read, interaction.value());
  }

  @Override
  public List<Message> listQueued(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return tx.query("listing the outbox", select()
        + " WHERE queue_seq IS NOT NULL ORDER BY queue_seq LIMIT ?", this::read, limit);
  }

  @Override
  public Optional<Message> findByChannelMessageId(AccountId account, String channelMessageId) {
    return tx.queryOne("finding channel message " + channelMessageId + " of " + account.value(),
        select() + " WHERE account_id = ? AND channel_message_id = ?", this::read,
        account.value(), channelMessageId);
  }

  @Override
  public Map<String, Message> findByChannelMessageIds(AccountId account,
      Collection<String> channelMessageIds) {
    Map<String, Message> found = new LinkedHashMap<>();
    for (Message m : Bulk.queryIn(tx, "finding " + channelMessageIds.size()
            + " channel messages of " + account.value(),
        select(), "account_id = ? AND ", "channel_message_id",
        new Object[] {account.value()}, List.copyOf(new LinkedHashSet<>(channelMessageIds)),
        false, this::read)) {
      found.put(m.channelMessageId().orElseThrow(), m);
    }
    return found;
  }

  /**
   * The search words of new messages, and of updated ones whose searchable text changed, go in
   * one statement for all of them; a delivery status change leaves the words alone.
   */
  @Override
  void writeChildrenAll(List<Message> all, boolean inserted) {
    if (inserted) {
      for (Message m : all) {
        indexed.remember(m.id().value(), m.version(), Searchable.texts(m));
      }
    }
    List<Message> changed = inserted ? all : textChanged(all);
    if (changed.isEmpty()) {
      return;
    }
    if (!inserted) {
      List<Object[]> ids = new ArrayList<>(changed.size());
      for (Message m : changed) {
        ids.add(new Object[] {m.id().value()});
      }
      tx.executeBatch("dropping the search words of " + changed.size() + " messages",
          "DELETE FROM oc_message_word WHERE message_id = ?", ids);
    }
    Bulk.insertRows(tx, "indexing " + changed.size() + " messages", "oc_message_word",
        new String[] {"message_id", "interaction_id", "word"}, words(changed));
  }

  @Override
  void writeChildren(Message m, boolean inserted) {
    writeChildrenAll(List.of(m), inserted);
  }

  /** The updated messages whose searchable texts may differ from the indexed ones. */
  private List<Message> textChanged(List<Message> updated) {
    List<Message> changed = new ArrayList<>(updated.size());
    for (Message m : updated) {
      List<String> texts = Searchable.texts(m);
      // An update is checked at the entity's version and stores the next one.
      if (!indexed.unchanged(m.id().value(), m.version(), texts)) {
        changed.add(m);
      }
      indexed.remember(m.id().value(), m.version() + 1, texts);
    }
    return changed;
  }

  private List<Object[]> words(List<Message> messages) {
    List<Object[]> words = new ArrayList<>();
    for (Message m : messages) {
      for (String word : SearchWords.of(Searchable.texts(m))) {
        words.add(new Object[] {m.id().value(), m.interaction().value(), word});
      }
    }
    return words;
  }

  @Override
  Object[] extraInsertValues(Message m) {
    return new Object[] {queued(m)};
  }

  @Override
  Object[] extraUpdateValues(Message m) {
    return new Object[] {queued(m)};
  }

  private static int queued(Message m) {
    return m.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED)) ? 1 : 0;
  }

  @Override
  String id(MessageId id) {
    return id.value();
  }

  @Override
  MessageId idOf(Message m) {
    return m.id();
  }

  @Override
  long version(Message m) {
    return m.version();
  }

  @Override
  Message withVersion(Message m, long version) {
    return m.withVersion(version);
  }

  @Override
  Object[] values(Message m) {
    return new Object[] {m.interaction().value(), m.account().value(), m.direction().name(),
        m.kind().name(), m.text(),
        Searchable.counts(m) && !m.text().isEmpty() ? SearchText.normalize(m.text()) : Sql.NULL_TEXT,
        Sql.text(m.attachment().map(JsonColumns::attachment)),
        Sql.text(m.author().map(AgentId::value)), m.autoReply(), m.canned(),
        Sql.text(m.channelMessageId()), Sql.text(m.deliveryStatus().map(DeliveryStatus::name)),
        Sql.text(m.failureReason()), Sql.text(m.template().map(JsonColumns::template)),
        Sql.text(m.sendTerms().map(JsonColumns::sendTerms)), Sql.nanos(m.createdAt())};
  }

  @Override
  Object[] immutableValues(Message m) {
    return new Object[] {m.interaction().value(), m.account().value()};
  }

  @Override
  Message read(ResultSet rs) throws SQLException {
    Message m = readRow(rs);
    indexed.remember(m.id().value(), m.version(), Searchable.texts(m));
    return m;
  }

  private static Message readRow(ResultSet rs) throws SQLException {
    return new Message(MessageId.of(rs.getString("id")),
        InteractionId.of(rs.getString("interaction_id")), AccountId.of(rs.getString("account_id")),
        Direction.valueOf(rs.getString("direction")), MessageKind.valueOf(rs.getString("kind")),
        rs.getString("body"), Sql.optionalText(rs, "attachment").map(JsonColumns::attachment),
        Sql.optionalText(rs, "author").map(AgentId::of), rs.getBoolean("auto_reply"),
        rs.getBoolean("canned"), Sql.optionalText(rs, "channel_message_id"),
        Sql.optionalText(rs, "delivery_status").map(DeliveryStatus::valueOf),
        Sql.optionalText(rs, "failure_reason"),
        Sql.optionalText(rs, "template").map(JsonColumns::template),
        Sql.optionalText(rs, "send_terms").map(JsonColumns::sendTerms),
        Sql.instant(rs.getLong("created_at")), rs.getLong("version"));
  }
}
