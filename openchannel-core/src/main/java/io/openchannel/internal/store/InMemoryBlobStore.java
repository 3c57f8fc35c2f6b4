package io.openchannel.internal.store;

import io.openchannel.message.AttachmentId;
import io.openchannel.spi.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs in a map: for tests, demos and hosts that keep attachments elsewhere. */
public final class InMemoryBlobStore implements BlobStore {
  private final ConcurrentHashMap<AttachmentId, byte[]> blobs = new ConcurrentHashMap<>();

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = content) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if ((long) out.size() + n > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    }
    AttachmentId id = AttachmentId.of(UUID.randomUUID().toString());
    blobs.put(id, out.toByteArray());
    return new StoredBlob(id, out.size());
  }

  @Override
  public InputStream open(AttachmentId id) throws IOException {
    byte[] bytes = blobs.get(id);
    if (bytes == null) {
      throw new FileNotFoundException("no blob " + id);
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void delete(AttachmentId id) {
    blobs.remove(id);
  }

  /** How many blobs are kept (tests check that refused uploads leave none). */
  public int size() {
    return blobs.size();
  }
}
