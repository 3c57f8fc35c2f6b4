package io.openchannel.event;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;

/**
 * An unknown sender became a new contact of the Contacts Manager (S5).
 *
 * @param at when
 * @param contact the new contact
 * @param account the account they first wrote on (or were first written to on)
 * @param displayName their name as known so far
 */
public record ContactCreated(Instant at, ContactId contact, AccountId account, String displayName)
    implements OpenChannelEvent {
  /** Validates the event: no field is null (an optional one may be empty). */
  public ContactCreated {
    Checks.notNull(at, "at");
    Checks.notNull(contact, "contact");
    Checks.notNull(account, "account");
    Checks.notNull(displayName, "displayName");
  }
}
