package io.openchannel.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies a {@link Queue}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record QueueId(@JsonValue String value) implements Comparable<QueueId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public QueueId {
    Checks.identifier(value, "QueueId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code QueueId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static QueueId of(String value) {
    return new QueueId(value);
  }

  @Override
  public int compareTo(QueueId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
