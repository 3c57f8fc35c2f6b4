package io.openchannel.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies an {@link Agent}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record AgentId(@JsonValue String value) implements Comparable<AgentId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public AgentId {
    Checks.identifier(value, "AgentId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code AgentId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AgentId of(String value) {
    return new AgentId(value);
  }

  @Override
  public int compareTo(AgentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
