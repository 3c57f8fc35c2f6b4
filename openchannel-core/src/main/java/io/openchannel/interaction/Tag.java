package io.openchannel.interaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * A label on an interaction, used by the view's filters (S17). Surrounding blanks are removed;
 * at most 64 characters; compared exactly.
 *
 * @param name the label
 */
public record Tag(@JsonValue String name) implements Comparable<Tag> {
  /** Trims and validates the name. */
  public Tag {
    name = Checks.name(name, "tag", 64);
  }

  /** Same as the constructor. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Tag of(String name) {
    return new Tag(name);
  }

  @Override
  public int compareTo(Tag other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
