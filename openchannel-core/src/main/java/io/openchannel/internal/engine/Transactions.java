package io.openchannel.internal.engine;

import com.google.common.util.concurrent.Striped;
import io.openchannel.ConcurrentUpdateException;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * Runs engine work in store transactions. Work on one conversation is serialised in this JVM by
 * a striped lock, which keeps find-or-create of contacts, conversations and open interactions
 * race-free and lets events be queued in commit order; a lost optimistic race (another engine on
 * the same database) is retried here, invisible to the caller.
 */
final class Transactions {
  static final int MAX_ATTEMPTS = 8;

  private final Store store;
  private final EventPublisher publisher;
  private final Striped<Lock> locks = Striped.lock(1024);

  Transactions(Store store, EventPublisher publisher) {
    this.store = store;
    this.publisher = publisher;
  }

  /**
   * What a piece of work sees: the transaction, the events to publish if it commits, and what to
   * run after it committed (outside every lock).
   */
  record Work(StoreTransaction tx, List<OpenChannelEvent> events, List<Runnable> afterCommit) {
    void publish(OpenChannelEvent event) {
      events.add(event);
    }

    void afterCommit(Runnable action) {
      afterCommit.add(action);
    }
  }

  /**
   * Runs {@code work} under the lock of {@code conversationKey} (a conversation's stable text
   * key), retrying lost races, then delivers its events.
   */
  <T> T write(String conversationKey, Function<Work, T> work) {
    Lock lock = locks.get(conversationKey);
    List<Runnable> afterCommit = new ArrayList<>();
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        List<OpenChannelEvent> events = new ArrayList<>();
        afterCommit.clear();
        try {
          T result = store.inTransaction(tx -> work.apply(new Work(tx, events, afterCommit)));
          publisher.enqueue(events);
          return result;
        } catch (ConcurrentUpdateException e) {
          if (attempt == MAX_ATTEMPTS) {
            throw new ConcurrentUpdateException("gave up after " + attempt
                + " attempts lost to concurrent updates: " + e.getMessage(), e);
          }
          Thread.onSpinWait();
        }
      }
    } finally {
      lock.unlock();
      publisher.drain();
      afterCommit.forEach(Runnable::run); // empty unless the last attempt committed
    }
  }

  /** Runs read-only work on a consistent view. */
  <T> T read(Function<StoreTransaction, T> work) {
    return store.read(work);
  }
}
