package io.openchannel.spi.directory;

import io.openchannel.internal.util.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member of an account's recipient list: someone an agent may start an outbound interaction
 * with (S26).
 *
 * @param address the value of the account's map field (phone number, e-mail, chat id...), which
 *     is also where the channel delivers
 * @param displayName the name suggested to the agent
 * @param fields other contact fields to copy onto the contact (first_name, email...)
 */
public record Recipient(String address, String displayName, Map<String, String> fields) {
  /** Validates the recipient and copies its fields. */
  public Recipient {
    Checks.identifier(address, "address", 256);
    displayName = Checks.name(displayName, "displayName", 200);
    Checks.notNull(fields, "fields");
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  /** A recipient without extra fields. */
  public static Recipient of(String address, String displayName) {
    return new Recipient(address, displayName, Map.of());
  }
}
