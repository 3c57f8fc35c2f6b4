package io.openchannel.interaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link Conversation}: the thread between one account and one contact.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record ConversationId(@JsonValue String value) implements Comparable<ConversationId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public ConversationId {
    Checks.identifier(value, "ConversationId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code ConversationId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ConversationId of(String value) {
    return new ConversationId(value);
  }

  @Override
  public int compareTo(ConversationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
