package io.openchannel.internal.store;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
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
  private final RowMap<I, T> committed;
  // The open transaction's writes, in write order. A transaction writes a handful of rows per
  // table, so two arrays scanned linearly beat a LinkedHashMap, whose entry per write was the
  // largest single share of a routing cycle's allocation; a map over the positions is built
  // only when a transaction writes more than LINEAR_LIMIT rows (bulk set-up).
  private static final int LINEAR_LIMIT = 8;
  private Object[] pendingIds = new Object[LINEAR_LIMIT];
  private Object[] pendingRows = new Object[LINEAR_LIMIT];
  private int pendingCount;
  private Map<I, Integer> pendingIndex;
  private final List<T> pendingView = new PendingView();

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
    this.committed = new RowMap<>(idOf);
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
    if (pendingCount != 0) {
      int at = pendingPosition(id);
      if (at >= 0) {
        return pendingRow(at);
      }
    }
    return committed.get(id);
  }

  private int pendingPosition(Object id) {
    if (pendingIndex != null) {
      Integer at = pendingIndex.get(id);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < pendingCount; i++) {
      if (pendingIds[i].equals(id)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private T pendingRow(int at) {
    return (T) pendingRows[at];
  }

  /** Writes the row into the overlay: in place if this transaction wrote it before, else last. */
  private void putPending(I id, T row) {
    int at = pendingCount == 0 ? -1 : pendingPosition(id);
    if (at >= 0) {
      pendingRows[at] = row;
      return;
    }
    if (pendingCount == pendingIds.length) {
      pendingIds = java.util.Arrays.copyOf(pendingIds, pendingCount * 2);
      pendingRows = java.util.Arrays.copyOf(pendingRows, pendingCount * 2);
    }
    pendingIds[pendingCount] = id;
    pendingRows[pendingCount] = row;
    if (pendingIndex != null) {
      pendingIndex.put(id, pendingCount);
    } else if (pendingCount == LINEAR_LIMIT) {
      pendingIndex = new HashMap<>();
      for (int i = 0; i <= pendingCount; i++) {
        @SuppressWarnings("unchecked")
        I key = (I) pendingIds[i];
        pendingIndex.put(key, i);
      }
    }
    pendingCount++;
  }

  T insert(T row) {
    I id = idOf.apply(row);
    if (versionOf.applyAsLong(row) != 0) {
      throw new IllegalArgumentException(kind + " " + id + " must have version 0 to be inserted");
    }
    if (get(id) != null) {
      throw new ConcurrentUpdateException(kind + " " + id + " already exists");
    }
    putPending(id, row);
    return row;
  }

  T update(T row) {
    return update(row, null);
  }

  /**
   * Updates the row; {@code check}, if given, is shown the current row first and may refuse the
   * change by throwing (one lookup serves the check and the write).
   */
  T update(T row, BiConsumer<? super T, ? super T> check) {
    I id = idOf.apply(row);
    T current = get(id);
    if (current == null) {
      throw new NotFoundException("no " + kind + " " + id);
    }
    if (check != null) {
      check.accept(current, row);
    }
    long expected = versionOf.applyAsLong(current);
    if (versionOf.applyAsLong(row) != expected) {
      throw new ConcurrentUpdateException(kind + " " + id + " was changed by someone else (version "
          + expected + ", yours " + versionOf.applyAsLong(row) + "); read it again and retry");
    }
    T next = withVersion.apply(row, expected + 1);
    putPending(id, next);
    return next;
  }

  /** Rows written by the open transaction, in write order. */
  Collection<T> pendingRows() {
    return pendingView;
  }

  /** The committed row, ignoring the open transaction. */
  T committed(I id) {
    return committed.get(id);
  }

  List<T> committedRows() {
    return committed.values();
  }

  void commit() {
    for (int i = 0; i < pendingCount; i++) {
      T row = pendingRow(i);
      @SuppressWarnings("unchecked")
      I id = (I) pendingIds[i];
      T old = committed.put(id, row);
      indexer.accept(old, row);
    }
    clearPending();
  }

  void rollback() {
    clearPending();
  }

  private void clearPending() {
    if (pendingCount > LINEAR_LIMIT) {
      // A bulk transaction grew the arrays: give the memory back rather than keep it forever.
      pendingIds = new Object[LINEAR_LIMIT];
      pendingRows = new Object[LINEAR_LIMIT];
    } else {
      java.util.Arrays.fill(pendingIds, 0, pendingCount, null);
      java.util.Arrays.fill(pendingRows, 0, pendingCount, null);
    }
    pendingIndex = null;
    pendingCount = 0;
  }

  /** The overlay's rows as a read-only list, without copying. */
  private final class PendingView extends java.util.AbstractList<T> {
    @Override
    public T get(int index) {
      java.util.Objects.checkIndex(index, pendingCount);
      return pendingRow(index);
    }

    @Override
    public int size() {
      return pendingCount;
    }
  }

  int size() {
    return committed.size();
  }
}
