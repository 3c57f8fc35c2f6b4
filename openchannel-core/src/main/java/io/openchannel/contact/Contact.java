package io.openchannel.contact;

import io.openchannel.account.AccountId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person in the Contacts Manager (S5). One contact has many channel identities. Immutable.
 *
 * @param id the contact's id
 * @param firstName first name, if known
 * @param lastName last name, if known
 * @param fields other fields by name ({@link ContactFields} and the host's own), sorted
 * @param identities the contact's ids on the accounts they wrote from, in the order they were
 *     linked
 * @param createdAt when the contact was created
 * @param version the store's optimistic version; 0 for a contact not stored yet
 */
public record Contact(
    ContactId id,
    Optional<String> firstName,
    Optional<String> lastName,
    Map<String, String> fields,
    Set<ChannelIdentity> identities,
    Instant createdAt,
    long version) {

  /** Validates the contact and copies its collections. */
  public Contact {
    Checks.notNull(id, "id");
    Checks.notNull(firstName, "firstName");
    Checks.notNull(lastName, "lastName");
    Checks.notNull(fields, "fields");
    Checks.notNull(identities, "identities");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNegative(version, "version");
    // Most contacts have no fields and one identity: share the empty map and keep the one
    // identity in a singleton set, instead of a TreeMap, a LinkedHashSet (with its map, table and
    // entry) and their wrappers, ten objects kept per contact for as long as the contact is.
    if (fields.isEmpty()) {
      fields = NO_FIELDS;
    } else {
      TreeMap<String, String> sorted = new TreeMap<>();
      fields.forEach((name, value) -> {
        Checks.identifier(name, "field name", 64);
        sorted.put(name, Checks.notNull(value, "value of field " + name));
      });
      fields = java.util.Collections.unmodifiableMap(sorted);
    }
    ChannelIdentity only = identities.size() == 1 ? identities.iterator().next() : null;
    identities = only != null ? java.util.Collections.singleton(only)
        : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(identities));
  }

  private static final Map<String, String> NO_FIELDS =
      java.util.Collections.unmodifiableMap(new TreeMap<>());

  /** The value of a field, if the contact has it. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The contact's id on one account, if they have one there. */
  public Optional<ChannelIdentity> identityOn(AccountId account) {
    return identities.stream().filter(i -> i.account().equals(account)).findFirst();
  }

  /** "First Last", or whichever is known, else the first identity, else the id. */
  public String displayName() {
    String joined = (firstName.orElse("") + " " + lastName.orElse("")).strip();
    if (!joined.isEmpty()) {
      return joined;
    }
    return identities.stream().findFirst().map(ChannelIdentity::externalId).orElse(id.value());
  }

  /** With {@code identity} linked too (kept if already present). */
  public Contact withIdentity(ChannelIdentity identity) {
    Set<ChannelIdentity> more = new LinkedHashSet<>(identities);
    more.add(identity);
    return new Contact(id, firstName, lastName, fields, more, createdAt, version);
  }

  /** With field {@code name} set to {@code value}. */
  public Contact withField(String name, String value) {
    TreeMap<String, String> more = new TreeMap<>(fields);
    more.put(name, value);
    return new Contact(id, firstName, lastName, more, identities, createdAt, version);
  }

  /** With these names. */
  public Contact withNames(Optional<String> newFirstName, Optional<String> newLastName) {
    return new Contact(id, newFirstName, newLastName, fields, identities, createdAt, version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Contact withVersion(long newVersion) {
    return new Contact(id, firstName, lastName, fields, identities, createdAt, newVersion);
  }
}
