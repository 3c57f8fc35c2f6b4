package io.openchannel.spi.store;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import java.util.List;
import java.util.Optional;

/** Contacts. Unique rule: a channel identity belongs to at most one contact. */
public interface ContactRepository extends Repository<ContactId, Contact> {
  /** The contact who has this identity, if any. */
  Optional<Contact> findByIdentity(ChannelIdentity identity);

  /** Contacts whose field {@code field} equals {@code value} exactly, ordered by id. */
  List<Contact> findByField(String field, String value);
}
