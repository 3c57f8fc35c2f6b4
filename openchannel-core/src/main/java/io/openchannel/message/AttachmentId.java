package io.openchannel.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.openchannel.internal.util.Checks;

/**
 * Identifies the bytes of an {@link Attachment} in the {@link io.openchannel.spi.store.BlobStore}.
 *
 * <p>Non-blank, at most 128 characters, no control characters. Compared by value.
 *
 * @param value the id as text
 */
public record AttachmentId(@JsonValue String value) implements Comparable<AttachmentId> {
  /** Validates the id; throws {@link io.openchannel.InvalidInputException} when malformed. */
  public AttachmentId {
    Checks.identifier(value, "AttachmentId", 128);
  }

  /** Same as the constructor; reads well at call sites: {@code AttachmentId.of("...")}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AttachmentId of(String value) {
    return new AttachmentId(value);
  }

  @Override
  public int compareTo(AttachmentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
