package io.openchannel.spi.store;

import io.openchannel.message.AttachmentId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment bytes live. The engine writes the bytes before the message that points at
 * them is committed, and deletes them again if that commit fails, so a blob without a message
 * can exist only after a crash. Implementations are thread-safe.
 */
public interface BlobStore {
  /**
   * Copies at most {@code maxBytes} from {@code content} into a new blob, and closes
   * {@code content}.
   *
   * @return the new blob's id and its size
   * @throws BlobTooLargeException if the content is longer than {@code maxBytes}; nothing is kept
   * @throws IOException if reading or writing fails; nothing is kept
   */
  StoredBlob put(InputStream content, long maxBytes) throws IOException;

  /**
   * Opens a blob for reading; the caller closes the stream.
   *
   * @throws java.io.FileNotFoundException if there is no such blob
   */
  InputStream open(AttachmentId id) throws IOException;

  /** Deletes a blob; deleting a missing blob does nothing. */
  void delete(AttachmentId id) throws IOException;

  /** A blob store that keeps blobs in this JVM's memory: for tests and demos. */
  static BlobStore inMemory() {
    return new io.openchannel.internal.store.InMemoryBlobStore();
  }

  /** A blob store that keeps each blob as a file under {@code directory} (created if missing). */
  static BlobStore fileSystem(Path directory) {
    return new FileSystemBlobStore(directory);
  }

  /**
   * A stored blob.
   *
   * @param id its id
   * @param sizeBytes how many bytes were stored
   */
  record StoredBlob(AttachmentId id, long sizeBytes) {}

  /** The content was longer than allowed. */
  final class BlobTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The content exceeded {@code maxBytes}. */
    public BlobTooLargeException(long maxBytes) {
      super("content is larger than " + maxBytes + " bytes");
    }
  }
}
