package io.openchannel.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A table's committed rows by id, in open addressing (linear probing) without a key array: a
 * row carries its id, so an entry is its hash and the row, two array slots (about 11 to 21 bytes
 * at the kept load) instead of a {@code HashMap} node of 32 plus its slot, and the collector has
 * one object less to trace per row. Probes compare the kept hash first and read a row only when
 * it matches. Rows are never removed (the store deletes nothing). Guarded by the store's lock.
 */
final class RowMap<I, T> {
  private static final int MIN_CAPACITY = 16;

  /** Whether a kept row has the given id. */
  private final BiPredicate<Object, Object> hasId;
  private int[] hashes = new int[MIN_CAPACITY];
  private Object[] rows = new Object[MIN_CAPACITY];
  private int size;

  RowMap(BiPredicate<Object, Object> hasId) {
    this.hasId = hasId;
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  T get(Object id) {
    Object[] rs = rows;
    int[] hs = hashes;
    int mask = rs.length - 1;
    int h = hash(id);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object row = rs[i];
      if (row == null) {
        return null;
      }
      if (hs[i] == h && hasId.test(row, id)) {
        return (T) row;
      }
    }
  }

  /**
   * Where the row with {@code id} is: its slot ({@code >= 0}), or {@code ~slot} of the free slot
   * it would take. Valid until the next insert; with {@link #at}, {@link #setAt} and
   * {@link #insertAt} a read-then-write costs one probe.
   */
  int slotOf(Object id) {
    int mask = rows.length - 1;
    int h = hash(id);
    int i = h & mask;
    for (; rows[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && hasId.test(rows[i], id)) {
        return i;
      }
    }
    return ~i;
  }

  @SuppressWarnings("unchecked")
  T at(int slot) {
    return (T) rows[slot];
  }

  void setAt(int slot, T row) {
    rows[slot] = row;
  }

  /** Puts a row under an id it does not hold yet, at {@code free}, as {@link #slotOf} gave it. */
  void insertAt(int free, I id, T row) {
    hashes[free] = hash(id);
    rows[free] = row;
    // Grow at 3/4 full: the kept hashes keep longer probe runs cheap.
    if (++size * 4 > rows.length * 3) {
      grow();
    }
  }

  /** Every row, in no particular order, as a new list. */
  @SuppressWarnings("unchecked")
  List<T> values() {
    List<T> out = new ArrayList<>(size);
    for (Object row : rows) {
      if (row != null) {
        out.add((T) row);
      }
    }
    return out;
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldRows = rows;
    hashes = new int[oldRows.length * 2];
    rows = new Object[oldRows.length * 2];
    int mask = rows.length - 1;
    for (int i = 0; i < oldRows.length; i++) {
      if (oldRows[i] != null) {
        int j = oldHashes[i] & mask;
        while (rows[j] != null) {
          j = (j + 1) & mask;
        }
        hashes[j] = oldHashes[i];
        rows[j] = oldRows[i];
      }
    }
  }

  private static int hash(Object id) {
    int h = id.hashCode() * 0x9E3779B9; // spreads ids whose hashes differ only in high bits
    return h ^ (h >>> 16);
  }
}
