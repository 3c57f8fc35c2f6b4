package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The file of an inbound message. The engine copies its bytes into the blob store (up to the
 * channel's limit) only when the message is new, so duplicates cost no download.
 *
 * @param fileName the file's name
 * @param contentType its MIME type
 * @param content opens the bytes (a connector may download them here)
 */
public record InboundAttachment(String fileName, String contentType, Supplier<InputStream> content) {
  /** Validates the attachment. */
  public InboundAttachment {
    fileName = Checks.name(fileName, "fileName", 255);
    contentType = Checks.identifier(contentType, "contentType", 255);
    Checks.notNull(content, "content");
  }

  /** An attachment whose bytes are already in memory (copied). */
  public static InboundAttachment of(String fileName, String contentType, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new InboundAttachment(fileName, contentType, () -> new ByteArrayInputStream(copy));
  }
}
