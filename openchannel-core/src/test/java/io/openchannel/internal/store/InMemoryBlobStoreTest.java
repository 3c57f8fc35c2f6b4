package io.openchannel.internal.store;

import io.openchannel.spi.store.BlobStore;
import io.openchannel.tck.BlobStoreContract;

/** {@link BlobStore#inMemory()} passes the {@link BlobStoreContract}. */
class InMemoryBlobStoreTest extends BlobStoreContract {
  @Override
  protected BlobStore newBlobStore() {
    return BlobStore.inMemory();
  }

  @Override
  protected long storedBlobCount(BlobStore store) {
    return ((InMemoryBlobStore) store).size();
  }
}
