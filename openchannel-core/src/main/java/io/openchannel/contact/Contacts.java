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

  /**
   * The contact's journey (S9): their interactions on every account, newest first, each with a
   * short summary (account and channel, status, start and close, disposition, first agent, last
   * message, message count, tags). Read in one transaction, so the entries are consistent with
   * each other. It reads every message of the contact's interactions to count them.
   *
   * @throws io.openchannel.NotFoundException if there is no such contact
   */
  Journey journey(ContactId id);
}
