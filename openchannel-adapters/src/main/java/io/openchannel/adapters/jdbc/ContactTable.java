package io.openchannel.adapters.jdbc;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.query.Searchable;
import io.openchannel.query.SearchText;
import io.openchannel.spi.store.ContactRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Contacts: the row, its identities (primary key account + external id: the identity rule) and
 * its fields (indexed by name and a value prefix), its search words. An update rewrites them.
 */
final class ContactTable extends Rows<ContactId, Contact> implements ContactRepository {
  private static final int PREFIX = 100;

  ContactTable(JdbcTransaction tx) {
    super(tx, "oc_contact", "contact", new String[] {"first_name", "last_name", "name_norm",
        "created_at"},
        new String[0], new String[0][], "");
  }

  @Override
  public Optional<Contact> findByIdentity(ChannelIdentity identity) {
    return tx.queryOne("finding the contact of " + identity,
        "SELECT contact_id FROM oc_contact_identity WHERE account_id = ? AND external_id = ?",
        rs -> rs.getString(1), identity.account().value(), identity.externalId())
        .flatMap(id -> find(ContactId.of(id)));
  }

  @Override
  public List<Contact> findByField(String field, String value) {
    List<String> ids = tx.query("finding contacts by " + field,
        "SELECT contact_id FROM oc_contact_field WHERE field_name = ? AND value_prefix = ? "
            + "AND field_value = ? ORDER BY contact_id",
        rs -> rs.getString(1), field, Sql.prefix(value, PREFIX), value);
    List<Contact> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      find(ContactId.of(id)).ifPresent(found::add);
    }
    return found;
  }

  @Override
  void writeChildren(Contact c, boolean inserted) {
    String id = c.id().value();
    if (!inserted) {
      tx.execute("dropping the identities of contact " + id,
          "DELETE FROM oc_contact_identity WHERE contact_id = ?", id);
      tx.execute("dropping the fields of contact " + id,
          "DELETE FROM oc_contact_field WHERE contact_id = ?", id);
      tx.execute("dropping the search words of contact " + id,
          "DELETE FROM oc_contact_word WHERE contact_id = ?", id);
    }
    List<Object[]> words = new ArrayList<>();
    for (String word : SearchWords.of(Searchable.texts(c))) {
      words.add(new Object[] {id, word});
    }
    tx.executeBatch("indexing contact " + id,
        "INSERT INTO oc_contact_word (contact_id, word) VALUES (?, ?)", words);
    List<Object[]> identities = new ArrayList<>();
    int ord = 0;
    for (ChannelIdentity identity : c.identities()) {
      identities.add(new Object[] {identity.account().value(), identity.externalId(), id, ord++,
          SearchText.normalize(identity.externalId())});
    }
    tx.executeBatch("giving contact " + id + " its identities " + c.identities(),
        "INSERT INTO oc_contact_identity (account_id, external_id, contact_id, ord, "
            + "external_norm) VALUES (?, ?, ?, ?, ?)", identities);
    List<Object[]> fields = new ArrayList<>();
    for (Map.Entry<String, String> f : c.fields().entrySet()) {
      fields.add(new Object[] {id, f.getKey(), f.getValue(), Sql.prefix(f.getValue(), PREFIX)});
    }
    tx.executeBatch("setting the fields of contact " + id,
        "INSERT INTO oc_contact_field (contact_id, field_name, field_value, value_prefix) "
            + "VALUES (?, ?, ?, ?)", fields);
  }

  @Override
  String id(ContactId id) {
    return id.value();
  }

  @Override
  ContactId idOf(Contact c) {
    return c.id();
  }

  @Override
  long version(Contact c) {
    return c.version();
  }

  @Override
  Contact withVersion(Contact c, long version) {
    return c.withVersion(version);
  }

  @Override
  Object[] values(Contact c) {
    String name = Searchable.contactName(c);
    return new Object[] {Sql.text(c.firstName()), Sql.text(c.lastName()),
        name == null ? Sql.NULL_TEXT : SearchText.normalize(name), Sql.nanos(c.createdAt())};
  }

  @Override
  Object[] immutableValues(Contact c) {
    return new Object[0];
  }

  @Override
  Contact read(ResultSet rs) throws SQLException {
    // Reads the row's columns before the child queries reuse the connection.
    Head head = head(rs);
    LinkedHashSet<ChannelIdentity> identities = new LinkedHashSet<>(tx.query(
        "reading the identities of contact " + head.id(),
        "SELECT account_id, external_id FROM oc_contact_identity WHERE contact_id = ? ORDER BY ord",
        r -> ChannelIdentity.of(AccountId.of(r.getString(1)), r.getString(2)), head.id()));
    TreeMap<String, String> fields = new TreeMap<>();
    tx.query("reading the fields of contact " + head.id(),
        "SELECT field_name, field_value FROM oc_contact_field WHERE contact_id = ?",
        r -> fields.put(r.getString(1), r.getString(2)), head.id());
    return head.with(fields, identities);
  }

  /**
   * Three statements whatever the number of contacts (a page of the interactions view shows
   * many): the rows, then all their identities, then all their fields.
   */
  @Override
  public Map<ContactId, Contact> findAll(Collection<ContactId> ids) {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids.stream().map(ContactId::value)
        .toList()));
    List<Head> heads = Bulk.queryIn(tx, "finding " + wanted.size() + " contacts", select(), "",
        "id", new Object[0], wanted, true, ContactTable::head);
    Map<ContactId, Contact> found = new LinkedHashMap<>();
    if (heads.isEmpty()) {
      return found;
    }
    List<String> stored = heads.stream().map(Head::id).toList();
    Map<String, TreeMap<Integer, ChannelIdentity>> identities = new HashMap<>();
    for (Object[] r : Bulk.queryIn(tx, "reading the identities of " + stored.size() + " contacts",
        "SELECT contact_id, ord, account_id, external_id FROM oc_contact_identity", "",
        "contact_id", new Object[0], stored, false, r -> new Object[] {r.getString(1),
            r.getInt(2), ChannelIdentity.of(AccountId.of(r.getString(3)), r.getString(4))})) {
      identities.computeIfAbsent((String) r[0], k -> new TreeMap<>())
          .put((Integer) r[1], (ChannelIdentity) r[2]);
    }
    Map<String, TreeMap<String, String>> fields = new HashMap<>();
    for (String[] r : Bulk.queryIn(tx, "reading the fields of " + stored.size() + " contacts",
        "SELECT contact_id, field_name, field_value FROM oc_contact_field", "", "contact_id",
        new Object[0], stored, false,
        r -> new String[] {r.getString(1), r.getString(2), r.getString(3)})) {
      fields.computeIfAbsent(r[0], k -> new TreeMap<>()).put(r[1], r[2]);
    }
    for (Head head : heads) {
      TreeMap<Integer, ChannelIdentity> byOrd = identities.getOrDefault(head.id(), new TreeMap<>());
      found.put(ContactId.of(head.id()), head.with(
          fields.getOrDefault(head.id(), new TreeMap<>()), new LinkedHashSet<>(byOrd.values())));
    }
    return found;
  }

  private static Head head(ResultSet rs) throws SQLException {
    return new Head(rs.getString("id"), Sql.optionalText(rs, "first_name"),
        Sql.optionalText(rs, "last_name"), rs.getLong("created_at"), rs.getLong("version"));
  }

  /** A contact's own row, before its identities and fields are read. */
  private record Head(String id, Optional<String> first, Optional<String> last, long created,
      long version) {
    Contact with(Map<String, String> fields, Set<ChannelIdentity> identities) {
      return new Contact(ContactId.of(id), first, last, fields, identities, Sql.instant(created),
          version);
    }
  }
}
