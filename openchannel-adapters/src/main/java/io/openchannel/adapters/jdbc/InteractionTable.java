package io.openchannel.adapters.jdbc;

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
import io.openchannel.routing.AgentId;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.spi.store.InteractionRepository;
import io.openchannel.spi.store.InteractionSlice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Interactions: what the interactions view filters on is a column (account, contact, status,
 * owner, read, start, close, last message time and direction, the view's sort time); the last
 * message is JSON, tags are JSON and rows of {@code oc_interaction_tag}. {@code seq} breaks ties
 * between equal start times in the lists: newest insert first.
 */
final class InteractionTable extends Rows<InteractionId, Interaction>
    implements InteractionRepository {

  /** The tags of the interactions this transaction read or wrote, as stored. */
  private final StoredChildren<Set<Tag>> storedTags = new StoredChildren<>();

  InteractionTable(JdbcTransaction tx) {
    super(tx, "oc_interaction", "interaction", new String[] {"conversation_id", "account_id",
        "contact_id", "visibility", "origin", "status", "started_at", "first_agent",
        "owner_agent", "is_read", "tags", "last_message_at", "last_message", "last_direction",
        "sort_at", "closed_at", "disposition"},
        new String[] {"conversation_id", "account_id", "contact_id"},
        new String[][] {{"seq", tx.dialect().nextSeq()}}, "");
  }

  @Override
  public List<Interaction> listByConversation(ConversationId conversation) {
    return tx.query("listing the interactions of conversation " + conversation.value(),
        select() + " WHERE conversation_id = ? ORDER BY started_at DESC, seq DESC", this::read,
        conversation.value());
  }

  @Override
  public List<Interaction> listByContact(ContactId contact) {
    return tx.query("listing the interactions of contact " + contact.value(),
        select() + " WHERE contact_id = ? ORDER BY started_at DESC, seq DESC", this::read,
        contact.value());
  }

  @Override
  public InteractionSlice query(InteractionQuery query) {
    return new ViewQuery(tx, query).run();
  }

  @Override
  void writeChildren(Interaction i, boolean inserted) {
    String id = i.id().value();
    // Most updates (a new message, a read flag) leave the tags alone and need no statement.
    boolean unchanged = !inserted && storedTags.unchanged(id, i.version(), i.tags());
    // An update is checked at the entity's version and stores the next one.
    storedTags.remember(id, inserted ? i.version() : i.version() + 1, i.tags());
    if (unchanged) {
      return;
    }
    if (!inserted) {
      tx.execute("dropping the tags of interaction " + id,
          "DELETE FROM oc_interaction_tag WHERE interaction_id = ?", id);
    }
    List<Object[]> tags = new ArrayList<>();
    for (Tag tag : i.tags()) {
      tags.add(new Object[] {id, tag.name()});
    }
    tx.executeBatch("tagging interaction " + id,
        "INSERT INTO oc_interaction_tag (interaction_id, tag) VALUES (?, ?)", tags);
  }

  @Override
  String id(InteractionId id) {
    return id.value();
  }

  @Override
  InteractionId idOf(Interaction i) {
    return i.id();
  }

  @Override
  long version(Interaction i) {
    return i.version();
  }

  @Override
  Interaction withVersion(Interaction i, long version) {
    return i.withVersion(version);
  }

  @Override
  Object[] values(Interaction i) {
    return new Object[] {i.conversation().value(), i.account().value(), i.contact().value(),
        i.visibility().name(), i.origin().name(), i.status().name(), Sql.nanos(i.startedAt()),
        Sql.text(i.firstAgent().map(AgentId::value)), Sql.text(i.owner().map(AgentId::value)),
        i.read(), JsonColumns.tags(i.tags()),
        Sql.nanos(i.lastMessage().map(LastMessage::at)),
        Sql.text(i.lastMessage().map(JsonColumns::lastMessage)),
        Sql.text(i.lastMessage().map(m -> m.direction().name())),
        Sql.nanos(SortKey.timeOf(i, InteractionSort.LAST_MESSAGE)), Sql.nanos(i.closedAt()),
        Sql.text(i.disposition().map(DispositionId::value))};
  }

  @Override
  Object[] immutableValues(Interaction i) {
    return new Object[] {i.conversation().value(), i.account().value(), i.contact().value()};
  }

  @Override
  Interaction read(ResultSet rs) throws SQLException {
    Interaction i = readRow(rs);
    storedTags.remember(i.id().value(), i.version(), i.tags());
    return i;
  }

  private Interaction readRow(ResultSet rs) throws SQLException {
    return new Interaction(InteractionId.of(rs.getString("id")),
        ConversationId.of(rs.getString("conversation_id")),
        AccountId.of(rs.getString("account_id")), ContactId.of(rs.getString("contact_id")),
        Visibility.valueOf(rs.getString("visibility")), Direction.valueOf(rs.getString("origin")),
        InteractionStatus.valueOf(rs.getString("status")),
        Sql.instant(rs.getLong("started_at")),
        Sql.optionalText(rs, "first_agent").map(AgentId::of),
        Sql.optionalText(rs, "owner_agent").map(AgentId::of), rs.getBoolean("is_read"),
        JsonColumns.tags(rs.getString("tags")),
        Sql.optionalText(rs, "last_message").map(JsonColumns::lastMessage),
        Sql.optionalInstant(rs, "closed_at"),
        Sql.optionalText(rs, "disposition").map(DispositionId::of), rs.getLong("version"));
  }
}
