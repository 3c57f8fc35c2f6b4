package io.openchannel.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link CannedAnswer}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record CannedAnswerId(@JsonValue String value) implements Comparable<CannedAnswerId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public CannedAnswerId {
    Checks.identifier(value, "CannedAnswerId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code CannedAnswerId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CannedAnswerId of(String value) {
    return new CannedAnswerId(value);
  }

  @Override
  public int compareTo(CannedAnswerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
