package io.openchannel.contact;

import io.openchannel.internal.util.Checks;
import java.util.List;

/**
 * A contact's history across every account and channel (S9): their interactions, newest first
 * (by start time; for the same start, the one stored last first), each summarised in a
 * {@link JourneyEntry}. A snapshot read in one transaction; immutable.
 *
 * @param contact the contact
 * @param contactName the contact's {@link Contact#displayName() display name}
 * @param entries the interactions, newest first; empty for a contact without any
 */
public record Journey(ContactId contact, String contactName, List<JourneyEntry> entries) {
  /** Validates the journey and copies its entries. */
  public Journey {
    Checks.notNull(contact, "contact");
    Checks.notNull(contactName, "contactName");
    entries = List.copyOf(Checks.notNull(entries, "entries"));
  }

  /** How many interactions the contact has had. */
  public int size() {
    return entries.size();
  }

  /** Whether one of them is open now. */
  public boolean hasOpenInteraction() {
    return entries.stream().anyMatch(JourneyEntry::isOpen);
  }
}
