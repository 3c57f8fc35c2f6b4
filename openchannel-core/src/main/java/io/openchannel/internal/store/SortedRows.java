package io.openchannel.internal.store;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of rows as a sorted array of ints: a word's postings in the {@link TextIndex}. An
 * unsorted list could only skip a row equal to its last one, so when conversations interleave
 * (customer A, then B, then A again) every message appended its row to each of its words once
 * more, about 67 bytes a message in duplicates. Kept sorted, a row already present is found by
 * binary search. New rows (new interactions) are the highest and append; an older row that gains
 * a word is inserted, moving only the newer rows of that word.
 */
final class SortedRows {
  private int[] rows = new int[2];
  private int size;

  /** Adds {@code row} unless present. */
  void add(int row) {
    if (size == 0 || rows[size - 1] < row) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
      }
      rows[size++] = row;
      return;
    }
    int at = Arrays.binarySearch(rows, 0, size, row);
    if (at >= 0) {
      return;
    }
    int insertAt = -at - 1;
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
    }
    System.arraycopy(rows, insertAt, rows, insertAt + 1, size - insertAt);
    rows[insertAt] = row;
    size++;
  }

  /** Sets the bit of every row in {@code into}. */
  void setAll(BitSet into) {
    for (int i = 0; i < size; i++) {
      into.set(rows[i]);
    }
  }

  int size() {
    return size;
  }

  /** The row at {@code index} in ascending order. */
  int get(int index) {
    return rows[index];
  }
}
