package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.event.ContactCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the contact behind an address on an account, or creates one (S5): first by channel
 * identity, then by the account's map key, linking the identity to the contact found.
 */
final class ContactResolver {
  private final Ids ids;

  ContactResolver(Ids ids) {
    this.ids = ids;
  }

  /**
   * @param address the person's id on the account
   * @param fields what the channel or directory knows of them; the map key's value is read from
   *     here, falling back to {@code address} (as the generic channel's {@code from})
   */
  Contact resolve(Transactions.Work work, Account account, String address,
      Optional<String> firstName, Optional<String> lastName, Map<String, String> fields,
      Instant now) {
    ChannelIdentity identity = ChannelIdentity.of(account.id(), address);
    Optional<Contact> known = work.tx().contacts().findByIdentity(identity);
    if (known.isPresent()) {
      return known.get();
    }
    Optional<String> mapKey = account.settings().mapKey();
    Optional<String> mapValue = mapKey.map(key -> fields.getOrDefault(key, address));
    if (mapKey.isPresent()) {
      List<Contact> matches = work.tx().contacts().findByField(mapKey.get(), mapValue.get());
      if (!matches.isEmpty()) {
        return work.tx().contacts().update(matches.get(0).withIdentity(identity));
      }
    }
    TreeMap<String, String> newFields = new TreeMap<>(fields);
    mapKey.ifPresent(key -> newFields.put(key, mapValue.get()));
    Contact created = work.tx().contacts().insert(new Contact(ContactId.of(ids.next()), firstName,
        lastName, newFields, java.util.Set.of(identity), now, 0));
    work.publish(new ContactCreated(now, created.id(), account.id(), created.displayName()));
    return created;
  }
}
