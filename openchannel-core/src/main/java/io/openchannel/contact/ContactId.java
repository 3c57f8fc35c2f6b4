package io.openchannel.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link Contact} of the Contacts Manager.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record ContactId(@JsonValue String value) implements Comparable<ContactId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public ContactId {
    Checks.identifier(value, "ContactId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code ContactId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ContactId of(String value) {
    return new ContactId(value);
  }

  @Override
  public int compareTo(ContactId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
