package io.openchannel.spi.store;

import io.openchannel.internal.store.InMemoryStore;
import io.openchannel.internal.store.LocalOutboxClaims;
import java.util.function.Function;

/**
 * Where openchannel keeps its state. The engine does every change inside
 * {@link #inTransaction}; implementations make each transaction atomic and isolated (the
 * in-memory store serialises writers; JDBC stores use database transactions and optimistic
 * versions). Every implementation must pass the {@code StoreContract} kit in core's tests jar.
 *
 * <p>Implementations are thread-safe.
 */
public interface Store {
  /**
   * Runs {@code work} in a transaction and commits if it returns; rolls back and rethrows if it
   * throws (whatever it throws). A lost optimistic race surfaces as
   * {@link io.openchannel.ConcurrentUpdateException} (from the work or from the commit); the
   * caller may run the work again. After a repository call threw, the transaction must not be used
   * again (some databases abort it). Transactions do not nest: the engine never opens one inside
   * another on the same thread.
   */
  <T> T inTransaction(Function<StoreTransaction, T> work);

  /**
   * Runs read-only {@code work} on a consistent view. Writing through the transaction is an
   * error ({@link IllegalStateException}, and nothing is kept); calling {@link #inTransaction}
   * from inside the work is an error too. Stores may serve reads without blocking writers.
   *
   * <p>The default runs the work in {@link #inTransaction}, which cannot refuse writes: a store
   * must override it to pass the contract kit.
   */
  default <T> T read(Function<StoreTransaction, T> work) {
    return inTransaction(work);
  }

  /**
   * The leases that let several engines share this store's outbox without sending a message
   * twice. The engine asks once, when it is built. The default keeps claims in this JVM's memory,
   * in a new instance per call: right while one engine uses the store. A store that several
   * engines share (a database, or one in-memory store in tests) returns one shared instance.
   */
  default OutboxClaims outboxClaims() {
    return new LocalOutboxClaims(this);
  }

  /**
   * The log through which several engines on this store hear each other's events, if the store
   * keeps one (for a database, when the host asks for it). The default keeps none: an engine's
   * listeners hear that engine only.
   */
  default java.util.Optional<EventLog> eventLog() {
    return java.util.Optional.empty();
  }

  /**
   * Routing state in the store ({@link RoutingLedger}), so that several engines on it route as
   * one, if the store keeps it (for a database, when the host asks for it). The default keeps
   * none: routing lives in the engine's memory, right for one engine.
   */
  default java.util.Optional<RoutingLedger> routingLedger() {
    return java.util.Optional.empty();
  }

  /** A new, empty, thread-safe store in this JVM's memory. */
  static Store inMemory() {
    return new InMemoryStore();
  }
}
