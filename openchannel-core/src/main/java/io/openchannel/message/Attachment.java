package io.openchannel.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.openchannel.internal.util.Checks;

/**
 * Metadata of a message's single attachment; the bytes live in the
 * {@link io.openchannel.spi.store.BlobStore} under {@link #id()}.
 *
 * @param id where the bytes are
 * @param fileName the file's name as shown to agents and customers
 * @param contentType its MIME type, such as {@code image/png}
 * @param sizeBytes its size
 */
public record Attachment(AttachmentId id, String fileName, String contentType, long sizeBytes) {
  /** Validates the metadata. */
  public Attachment {
    Checks.notNull(id, "id");
    fileName = Checks.name(fileName, "fileName", 255);
    contentType = Checks.identifier(contentType, "contentType", 255);
    Checks.notNegative(sizeBytes, "sizeBytes");
  }

  /** Whether this is audio, as a voice message must be. */
  @JsonIgnore // derived, so not part of the JSON form
  public boolean isAudio() {
    return contentType.regionMatches(true, 0, "audio/", 0, 6);
  }
}
