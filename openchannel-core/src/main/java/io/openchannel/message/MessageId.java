package io.openchannel.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link Message}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record MessageId(@JsonValue String value) implements Comparable<MessageId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public MessageId {
    Checks.identifier(value, "MessageId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code MessageId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static MessageId of(String value) {
    return new MessageId(value);
  }

  @Override
  public int compareTo(MessageId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
