package io.openchannel.interaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link Disposition} of the configured list.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record DispositionId(@JsonValue String value) implements Comparable<DispositionId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public DispositionId {
    Checks.identifier(value, "DispositionId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code DispositionId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DispositionId of(String value) {
    return new DispositionId(value);
  }

  @Override
  public int compareTo(DispositionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
