package io.openchannel.message;

import io.openchannel.internal.util.Checks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A file an agent sends: its name, type and a way to read its bytes. The engine checks the
 * account's limit while copying the bytes into the blob store, so a stream that is larger than
 * announced is still refused.
 *
 * @param fileName the file's name
 * @param contentType its MIME type
 * @param content opens the bytes; called once
 */
public record AttachmentUpload(String fileName, String contentType, Supplier<InputStream> content) {
  /** Validates the upload. */
  public AttachmentUpload {
    fileName = Checks.name(fileName, "fileName", 255);
    contentType = Checks.identifier(contentType, "contentType", 255);
    Checks.notNull(content, "content");
  }

  /** An upload of bytes already in memory. */
  public static AttachmentUpload of(String fileName, String contentType, byte[] bytes) {
    Checks.notNull(bytes, "bytes");
    byte[] copy = bytes.clone();
    return new AttachmentUpload(fileName, contentType, () -> new ByteArrayInputStream(copy));
  }
}
