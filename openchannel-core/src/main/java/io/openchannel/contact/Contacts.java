package io.openchannel.contact;

import java.util.Optional;

/** Read access to the Contacts Manager. Thread-safe. */
public interface Contacts {
  /** The contact, if it exists. */
  Optional<Contact> find(ContactId id);

  /**
   * The contact.
   *
   * @throws io.openchannel.NotFoundException if there is no such contact
   */
  Contact get(ContactId id);

  /** The contact who has this identity, if any. */
  Optional<Contact> findByIdentity(ChannelIdentity identity);
}
