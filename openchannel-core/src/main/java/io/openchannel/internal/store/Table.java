package io.openchannel.internal.store;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One entity table of the {@link InMemoryStore}: committed rows plus the open transaction's
 * writes. Guarded by the store's lock: writers hold the write lock for a whole transaction, so a
 * single overlay suffices.
 */
final class Table<I, T> {
  private final String kind;
  private final Function<T, I> idOf;
  private final ToLongFunction<T> versionOf;
  private final BiFunction<T, Long, T> withVersion;
  private final BiConsumer<T, T> indexer;
  private final Map<I, T> committed = new HashMap<>();
  private final Map<I, T> pending = new LinkedHashMap<>();

  /**
   * @param indexer told {@code (old, new)} for each committed write ({@code old} null on insert),
   *     so the store can keep its secondary indexes
   */
  Table(String kind, Function<T, I> idOf, ToLongFunction<T> versionOf,
      BiFunction<T, Long, T> withVersion, BiConsumer<T, T> indexer) {
    this.kind = kind;
    this.idOf = idOf;
    this.versionOf = versionOf;
    this.withVersion = withVersion;
    this.indexer = indexer;
  }

  Optional<T> find(I id) {
    return Optional.ofNullable(get(id));
  }

  /**
   * The row as this transaction sees it, or null. Writes use it rather than {@link #find}: they
   * run several times per message, and an Optional and a captured exception supplier each time
   * were a measurable share of the engine's allocation.
   */
  T get(I id) {
    T row = pending.get(id);
    return row != null ? row : committed.get(id);
  }

  T insert(T row) {
    I id = idOf.apply(row);
    if (versionOf.applyAsLong(row) != 0) {
      throw new IllegalArgumentException(kind + " " + id + " must have version 0 to be inserted");
    }
    if (get(id) != null) {
      throw new ConcurrentUpdateException(kind + " " + id + " already exists");
    }
    pending.put(id, row);
    return row;
  }

  T update(T row) {
    I id = idOf.apply(row);
    T current = get(id);
    if (current == null) {
      throw new NotFoundException("no " + kind + " " + id);
    }
    long expected = versionOf.applyAsLong(current);
    if (versionOf.applyAsLong(row) != expected) {
      throw new ConcurrentUpdateException(kind + " " + id + " was changed by someone else (version "
          + expected + ", yours " + versionOf.applyAsLong(row) + "); read it again and retry");
    }
    T next = withVersion.apply(row, expected + 1);
    pending.put(id, next);
    return next;
  }

  /** Rows written by the open transaction, in write order. */
  Collection<T> pendingRows() {
    return pending.values();
  }

  boolean isPending(I id) {
    return pending.containsKey(id);
  }

  /** The committed row, ignoring the open transaction. */
  T committed(I id) {
    return committed.get(id);
  }

  List<T> committedRows() {
    return new ArrayList<>(committed.values());
  }

  void commit() {
    for (T row : pending.values()) {
      T old = committed.put(idOf.apply(row), row);
      indexer.accept(old, row);
    }
    pending.clear();
  }

  void rollback() {
    pending.clear();
  }

  int size() {
    return committed.size();
  }
}
