package io.openchannel.internal.engine;

import io.openchannel.AttachmentRejectedException;
import io.openchannel.OpenChannelException;
import io.openchannel.internal.util.Size;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.spi.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies attachment bytes into the blob store, enforcing a size limit while copying (a stream
 * may be longer than it claims), and deletes them again when the message is not committed.
 */
final class AttachmentIntake {
  private static final Logger log = LoggerFactory.getLogger(AttachmentIntake.class);

  private final BlobStore blobs;

  AttachmentIntake(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * @param limitDescription says whose limit it is, for the error ("account fb-shop")
   * @throws AttachmentRejectedException if the bytes exceed {@code maxBytes}
   */
  Attachment store(String fileName, String contentType, Supplier<InputStream> content,
      long maxBytes, String limitDescription) {
    try {
      BlobStore.StoredBlob blob = blobs.put(content.get(), maxBytes);
      return new Attachment(blob.id(), fileName, contentType, blob.sizeBytes());
    } catch (BlobStore.BlobTooLargeException e) {
      throw new AttachmentRejectedException(fileName + " is larger than the " + Size.format(maxBytes)
          + " limit of " + limitDescription + "; send a smaller file");
    } catch (IOException e) {
      throw new OpenChannelException("could not store attachment " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the bytes of an attachment whose message was not stored. */
  void discard(Optional<Attachment> attachment) {
    attachment.map(Attachment::id).ifPresent(this::discard);
  }

  private void discard(AttachmentId id) {
    try {
      blobs.delete(id);
    } catch (IOException | RuntimeException e) {
      log.warn("could not delete orphan attachment {}", id, e);
    }
  }
}
