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
  private final Indexer<T> indexer;
  private final RowForm<T> form;
  private final RowMap<I, Object> committed;
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
    this(kind, idOf, versionOf, withVersion, RowForm.records(idOf),
        (old, now, kept) -> indexer.accept(old, now));
  }

  /**
   * @param form how committed rows are kept
   * @param indexer told of each committed write, with what is kept for it
   */
  Table(String kind, Function<T, I> idOf, ToLongFunction<T> versionOf,
      BiFunction<T, Long, T> withVersion, RowForm<T> form, Indexer<T> indexer) {
    this.kind = kind;
    this.idOf = idOf;
    this.versionOf = versionOf;
    this.withVersion = withVersion;
    this.form = form;
    this.indexer = indexer;
    this.committed = new RowMap<>(form::hasId);
  }

  /** Keeps a store's secondary indexes in step with committed writes. */
  interface Indexer<T> {
    /**
     * @param old the row before the write, null on insert
     * @param now the row written
     * @param kept what the table keeps for it (the row itself, or its packed form)
     */
    void index(T old, T now, Object kept);
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
    return committedRow(id);
  }

  private T committedRow(Object id) {
    Object kept = committed.get(id);
    return kept == null ? null : form.row(kept);
  }

  /**
   * The row that {@code kept} (something this table keeps) holds, as this transaction sees it:
   * its own write of that row, if any, wins. For indexes that hold kept rows rather than ids.
   */
  T current(Object kept) {
    T row = form.row(kept);
    if (pendingCount != 0) {
      int at = pendingPosition(idOf.apply(row));
      if (at >= 0) {
        return pendingRow(at);
      }
    }
    return row;
  }

  /** What is kept for the committed row with {@code id}, or null; ignores the open transaction. */
  Object kept(I id) {
    return committed.get(id);
  }

  /** The committed row that {@code kept} holds, ignoring the open transaction. */
  T committedOf(Object kept) {
    return form.row(kept);
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
    return committedRow(id);
  }

  List<T> committedRows() {
    List<Object> kept = committed.values();
    List<T> rows = new java.util.ArrayList<>(kept.size());
    for (Object k : kept) {
      rows.add(form.row(k));
    }
    return rows;
  }

  void commit() {
    for (int i = 0; i < pendingCount; i++) {
      T row = pendingRow(i);
      @SuppressWarnings("unchecked")
      I id = (I) pendingIds[i];
      int slot = committed.slotOf(id); // one probe serves the read and the write
      Object before = slot >= 0 ? committed.at(slot) : null;
      // Read before keeping: a packed form rewrites what it kept in place.
      T old = before == null ? null : form.row(before);
      Object kept = form.keep(row, before);
      if (slot < 0) {
        committed.insertAt(~slot, id, kept);
      } else if (kept != before) {
        committed.setAt(slot, kept);
      }
      indexer.index(old, row, kept);
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
