package io.openchannel.internal.engine;

import com.google.common.util.concurrent.Striped;
import io.openchannel.ConcurrentUpdateException;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.store.EventLog;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
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
  private final Optional<EventLog> eventLog;
  private final String node;
  private final Striped<Lock> locks = Striped.lock(1024);

  Transactions(Store store, EventPublisher publisher, String node) {
    this.store = store;
    this.publisher = publisher;
    this.eventLog = store.eventLog();
    this.node = node;
  }

  /**
   * Runs {@code work} in a store transaction and, if the store keeps an event log, appends the
   * events the work published to it in the same transaction: logged exactly when committed.
   */
  private <T> T inTransaction(Function<Work, T> work, Work w) {
    w.body = work;
    @SuppressWarnings("unchecked")
    T result = (T) store.inTransaction(w); // the attempt is the transaction's body: no lambda per call
    return result;
  }

  /** Delivers events another engine logged to this engine's listeners, in the order given. */
  void deliverLogged(List<OpenChannelEvent> events) {
    publisher.enqueue(events);
    publisher.drain();
  }

  /**
   * What a piece of work sees: the transaction, the events to publish if it commits, and what to
   * run after it committed (outside every lock). One per attempt; the after-commit list is made
   * only when something asks for it (an auto-reply or an outbound message, not routing).
   */
  static final class Work implements Function<StoreTransaction, Object> {
    private final Transactions owner;
    private Function<Work, ?> body;
    private StoreTransaction tx;
    // Sized for a routing step's events (a new interaction publishes four); the default first
    // growth to ten slots was the largest array of a step.
    private final List<OpenChannelEvent> events = new ArrayList<>(4);
    private List<Runnable> afterCommit;

    private Work(Transactions owner) {
      this.owner = owner;
    }

    /** Runs the work in {@code transaction}: what the store calls; not for the work itself. */
    @Override
    public Object apply(StoreTransaction transaction) {
      tx = transaction;
      Object result = body.apply(this);
      if (owner.eventLog.isPresent() && !events.isEmpty()) {
        owner.eventLog.get().append(transaction, owner.node, events);
      }
      return result;
    }

    StoreTransaction tx() {
      return tx;
    }

    List<OpenChannelEvent> events() {
      return events;
    }

    void publish(OpenChannelEvent event) {
      events.add(event);
    }

    void afterCommit(Runnable action) {
      if (afterCommit == null) {
        afterCommit = new ArrayList<>(2);
      }
      afterCommit.add(action);
    }

    private void runAfterCommit() {
      if (afterCommit != null) {
        afterCommit.forEach(Runnable::run);
      }
    }
  }

  /**
   * Runs {@code work} under the lock of {@code conversationKey} (a conversation's stable text
   * key), retrying lost races, then delivers its events.
   */
  <T> T write(String conversationKey, Function<Work, T> work) {
    Lock lock = locks.get(conversationKey);
    Work committed = null;
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Work w = new Work(this);
        try {
          T result = inTransaction(work, w);
          publisher.enqueue(w.events);
          committed = w;
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
      if (committed != null) {
        committed.runAfterCommit();
      }
    }
  }

  /**
   * Runs work that also changes routing. Lock order, the same everywhere: the conversation's
   * stripe, then {@code routerLock}, then the store transaction. With {@code routerDuringWork}
   * the router lock is held across the transaction, so the work may check routing state and the
   * check still holds at commit; otherwise it is taken right after commit. {@code routingChange}
   * then applies the routing change (it must not throw) and may add events; all events are
   * enqueued while the router lock is held, so the event order is the router's order.
   */
  <T> T writeRouted(String conversationKey, Lock routerLock, boolean routerDuringWork,
      Function<Work, T> work, BiConsumer<T, List<OpenChannelEvent>> routingChange) {
    return writeRouted(locks.get(conversationKey), null, routerLock, routerDuringWork, work,
        routingChange);
  }

  /**
   * {@link #writeRouted(String, Lock, boolean, Function, BiConsumer)} for work on several
   * conversations at once (a batch of inbound messages): it holds the stripes of all of them.
   * Striped hands them out in one global order, so two batches never wait on each other in a
   * circle, and single-conversation work never waits for a second stripe.
   */
  <T> T writeRouted(java.util.Collection<String> conversationKeys, Lock routerLock,
      boolean routerDuringWork, Function<Work, T> work,
      BiConsumer<T, List<OpenChannelEvent>> routingChange) {
    List<Lock> stripes = new ArrayList<>();
    for (Lock stripe : locks.bulkGet(conversationKeys)) {
      // bulkGet repeats a stripe for keys that share it, next to each other; take it once
      if (stripes.isEmpty() || stripes.get(stripes.size() - 1) != stripe) {
        stripes.add(stripe);
      }
    }
    return writeRouted(null, stripes, routerLock, routerDuringWork, work, routingChange);
  }

  /** Holds {@code stripe}, or else every one of {@code stripes} (one stripe needs no list). */
  private <T> T writeRouted(Lock stripe, List<Lock> stripes, Lock routerLock,
      boolean routerDuringWork, Function<Work, T> work,
      BiConsumer<T, List<OpenChannelEvent>> routingChange) {
    Work committed = null;
    int held = 0;
    boolean routerHeld = false;
    try {
      if (stripe != null) {
        stripe.lock();
        held++;
      } else {
        for (Lock each : stripes) {
          each.lock();
          held++;
        }
      }
      if (routerDuringWork) {
        routerLock.lock();
        routerHeld = true;
      }
      for (int attempt = 1; ; attempt++) {
        Work w = new Work(this);
        T result;
        try {
          result = inTransaction(work, w);
        } catch (ConcurrentUpdateException e) {
          if (attempt == MAX_ATTEMPTS) {
            throw new ConcurrentUpdateException("gave up after " + attempt
                + " attempts lost to concurrent updates: " + e.getMessage(), e);
          }
          Thread.onSpinWait();
          continue;
        }
        if (!routerHeld) {
          routerLock.lock();
          routerHeld = true;
        }
        committed = w;
        routingChange.accept(result, w.events);
        publisher.enqueue(w.events);
        return result;
      }
    } finally {
      if (routerHeld) {
        routerLock.unlock();
      }
      if (stripe != null) {
        if (held > 0) {
          stripe.unlock();
        }
      } else {
        for (int i = held - 1; i >= 0; i--) {
          stripes.get(i).unlock();
        }
      }
      publisher.drain();
      if (committed != null) {
        committed.runAfterCommit();
      }
    }
  }

  /** Runs routing-only work (no store write) under the router lock and publishes its events. */
  void routed(Lock routerLock, java.util.function.Consumer<List<OpenChannelEvent>> step) {
    routerLock.lock();
    try {
      List<OpenChannelEvent> events = new ArrayList<>();
      step.accept(events);
      publisher.enqueue(events);
    } finally {
      routerLock.unlock();
      publisher.drain();
    }
  }

  /** Runs read-only work on a consistent view. */
  <T> T read(Function<StoreTransaction, T> work) {
    return store.read(work);
  }
}
