package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.message.AttachmentId;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.BlobStore.BlobTooLargeException;
import io.openchannel.spi.store.BlobStore.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract kit every {@link BlobStore} must pass: {@code put} then {@code open} gives back
 * the same bytes (any size, including none and more than any buffer); each put makes a new blob;
 * content longer than the limit is a {@link BlobTooLargeException} and content that cannot be read
 * an {@link IOException}, and either way nothing is kept; {@code delete} removes a blob and is
 * idempotent; {@code open} of a missing blob is a {@link FileNotFoundException}; concurrent puts
 * are all kept.
 */
public abstract class BlobStoreContract {
  private static final long LIMIT = 1024 * 1024;

  /** The blob store under test: fresh and empty for each test. */
  protected BlobStore blobs;

  /** A new, empty blob store. Called before each test. */
  protected abstract BlobStore newBlobStore();

  /**
   * How many blobs {@code store} keeps, counting anything a refused or failed put may have left
   * behind (temporary files, say), so the kit can check that nothing was kept.
   */
  protected abstract long storedBlobCount(BlobStore store) throws IOException;

  @BeforeEach
  protected final void openBlobStoreUnderTest() {
    blobs = newBlobStore();
  }

  @Test
  void openGivesBackExactlyTheBytesThatWerePut() throws IOException {
    byte[] content = randomBytes(300_000);

    StoredBlob blob = blobs.put(new ByteArrayInputStream(content), LIMIT);

    assertThat(blob.sizeBytes()).isEqualTo(content.length);
    assertThat(readAll(blob.id())).isEqualTo(content);
  }

  @Test
  void emptyContentIsABlobOfNoBytes() throws IOException {
    StoredBlob blob = blobs.put(new ByteArrayInputStream(new byte[0]), LIMIT);

    assertThat(blob.sizeBytes()).isZero();
    assertThat(readAll(blob.id())).isEmpty();
  }

  @Test
  void eachPutMakesANewBlob() throws IOException {
    byte[] content = randomBytes(10);

    StoredBlob first = blobs.put(new ByteArrayInputStream(content), LIMIT);
    StoredBlob second = blobs.put(new ByteArrayInputStream(content), LIMIT);

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(storedBlobCount(blobs)).isEqualTo(2);
  }

  @Test
  void contentOfExactlyTheLimitIsKept() throws IOException {
    byte[] content = randomBytes(100_000);

    StoredBlob blob = blobs.put(new ByteArrayInputStream(content), content.length);

    assertThat(readAll(blob.id())).isEqualTo(content);
  }

  @Test
  void contentOverTheLimitIsRefusedAndNothingIsKept() throws IOException {
    byte[] content = randomBytes(100_001);

    assertThatThrownBy(() -> blobs.put(new ByteArrayInputStream(content), 100_000))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(storedBlobCount(blobs)).isZero();
  }

  @Test
  void contentThatCannotBeReadIsAnIoExceptionAndNothingIsKept() throws IOException {
    InputStream failing = new InputStream() { // 100,000 bytes, then the connection breaks
      private int served;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = Math.min(length, 100_000 - served);
        if (n <= 0) {
          throw new IOException("connection reset");
        }
        Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        served += n;
        return n;
      }
    };

    assertThatThrownBy(() -> blobs.put(failing, LIMIT))
        .isInstanceOf(IOException.class).isNotInstanceOf(BlobTooLargeException.class);

    assertThat(storedBlobCount(blobs)).isZero();
  }

  @Test
  void deleteRemovesTheBlobAndIsIdempotent() throws IOException {
    StoredBlob kept = blobs.put(new ByteArrayInputStream(randomBytes(10)), LIMIT);
    StoredBlob deleted = blobs.put(new ByteArrayInputStream(randomBytes(10)), LIMIT);

    blobs.delete(deleted.id());
    blobs.delete(deleted.id());

    assertThatThrownBy(() -> blobs.open(deleted.id())).isInstanceOf(FileNotFoundException.class);
    assertThat(storedBlobCount(blobs)).isEqualTo(1);
    assertThat(readAll(kept.id())).hasSize(10);
  }

  @Test
  void deleteOfABlobThatNeverExistedDoesNothing() throws IOException {
    blobs.delete(AttachmentId.of("never-stored"));

    assertThat(storedBlobCount(blobs)).isZero();
  }

  @Test
  void openOfAMissingBlobIsFileNotFound() {
    assertThatThrownBy(() -> blobs.open(AttachmentId.of("never-stored")))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void concurrentPutsAreAllKeptIntact() throws Exception {
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Background<List<Object[]>>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      writers.add(Background.start(() -> {
        go.await();
        List<Object[]> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          byte[] content = randomBytes(1_000 + seed * 10 + i, seed * 100L + i);
          stored.add(new Object[] {blobs.put(new ByteArrayInputStream(content), LIMIT), content});
        }
        return stored;
      }));
    }
    go.countDown();

    for (Background<List<Object[]>> writer : writers) {
      for (Object[] put : writer.join()) {
        assertThat(readAll(((StoredBlob) put[0]).id())).isEqualTo(put[1]);
      }
    }
    assertThat(storedBlobCount(blobs)).isEqualTo(threads * 10L);
  }

  private byte[] readAll(AttachmentId id) throws IOException {
    try (InputStream in = blobs.open(id)) {
      return in.readAllBytes();
    }
  }

  private static byte[] randomBytes(int size) {
    return randomBytes(size, size);
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
