package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a channel tells about the sender of an inbound message.
 *
 * @param externalId the sender's id on the account (PSID, wa_id, chat id, phone...)
 * @param firstName first name, if the channel gives it
 * @param lastName last name, if the channel gives it
 * @param fields contact fields the channel gives (phone, email...), copied onto a new contact
 */
public record SenderProfile(
    String externalId, Optional<String> firstName, Optional<String> lastName,
    Map<String, String> fields) {
  /** Validates the profile and copies its fields. */
  public SenderProfile {
    Checks.identifier(externalId, "sender externalId", 256);
    Checks.notNull(firstName, "firstName");
    Checks.notNull(lastName, "lastName");
    Checks.notNull(fields, "fields");
    firstName = firstName.map(String::strip).filter(s -> !s.isEmpty());
    lastName = lastName.map(String::strip).filter(s -> !s.isEmpty());
    // Most senders bring no fields: share the empty map rather than copy a TreeMap per message.
    fields = fields.isEmpty() ? Collections.emptySortedMap()
        : Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  /** A sender known only by id. */
  public static SenderProfile of(String externalId) {
    return new SenderProfile(externalId, Optional.empty(), Optional.empty(), Map.of());
  }

  /** A sender with names. */
  public static SenderProfile of(String externalId, String firstName, String lastName) {
    return new SenderProfile(externalId, Optional.ofNullable(firstName), Optional.ofNullable(lastName),
        Map.of());
  }
}
