package io.openchannel.spi.store;

import io.openchannel.message.AttachmentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Keeps each blob as a file named by its id under one directory. Writes go to a temporary file
 * first and are moved into place, so a reader never sees half a blob.
 */
final class FileSystemBlobStore implements BlobStore {
  private final Path directory;

  FileSystemBlobStore(Path directory) {
    this.directory = directory.toAbsolutePath();
    try {
      Files.createDirectories(this.directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blob directory " + this.directory, e);
    }
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    AttachmentId id = AttachmentId.of(UUID.randomUUID().toString());
    Path tmp = Files.createTempFile(directory, "upload-", ".tmp");
    try {
      long size = 0;
      try (InputStream in = content; OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
          size += n;
          if (size > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
          out.write(buffer, 0, n);
        }
      }
      Files.move(tmp, pathOf(id), StandardCopyOption.ATOMIC_MOVE);
      return new StoredBlob(id, size);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream open(AttachmentId id) throws IOException {
    Path path = pathOf(id);
    if (!Files.exists(path)) {
      throw new java.io.FileNotFoundException("no blob " + id + " in " + directory);
    }
    return Files.newInputStream(path);
  }

  @Override
  public void delete(AttachmentId id) throws IOException {
    Files.deleteIfExists(pathOf(id));
  }

  private Path pathOf(AttachmentId id) {
    // Ids come from us (UUIDs), but a host may hand back a stored id: keep it inside the directory.
    Path path = directory.resolve(id.value() + ".blob").normalize();
    if (!path.getParent().equals(directory)) {
      throw new IllegalArgumentException("blob id escapes the blob directory: " + id);
    }
    return path;
  }

  @Override
  public String toString() {
    return "FileSystemBlobStore[" + directory + "]";
  }
}
