package io.openchannel.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies an {@link Offer}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record OfferId(@JsonValue String value) implements Comparable<OfferId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public OfferId {
    Checks.identifier(value, "OfferId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code OfferId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OfferId of(String value) {
    return new OfferId(value);
  }

  @Override
  public int compareTo(OfferId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
