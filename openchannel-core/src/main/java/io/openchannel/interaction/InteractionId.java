package io.openchannel.interaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies an {@link Interaction}: one session of a conversation, from open to close.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record InteractionId(@JsonValue String value) implements Comparable<InteractionId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public InteractionId {
    Checks.identifier(value, "InteractionId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code InteractionId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static InteractionId of(String value) {
    return new InteractionId(value);
  }

  @Override
  public int compareTo(InteractionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
