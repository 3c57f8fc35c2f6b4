package io.openchannel.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies an {@link Account}: one connection to one external channel.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record AccountId(@JsonValue String value) implements Comparable<AccountId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public AccountId {
    Checks.identifier(value, "AccountId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code AccountId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
