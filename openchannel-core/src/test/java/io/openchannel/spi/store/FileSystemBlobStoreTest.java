package io.openchannel.spi.store;

import io.openchannel.tck.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlobStore#fileSystem(Path)} passes the {@link BlobStoreContract}; every file in its
 * directory counts as a blob, so leftover temporary files fail the "nothing is kept" checks.
 */
class FileSystemBlobStoreTest extends BlobStoreContract {
  @TempDir
  Path directory;

  @Override
  protected BlobStore newBlobStore() {
    return BlobStore.fileSystem(directory.resolve("blobs"));
  }

  @Override
  protected long storedBlobCount(BlobStore store) throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("blobs"))) {
      return files.count();
    }
  }
}
