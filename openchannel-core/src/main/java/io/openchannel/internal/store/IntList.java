package io.openchannel.internal.store;

import java.util.Arrays;
import java.util.BitSet;

/** A growable list of ints: an index posting list, four bytes a row instead of a boxed Integer. */
final class IntList {
  private int[] values = new int[2];
  private int size;

  /** Appends {@code value} unless it is already the last one (a row seen twice in a row). */
  void addIfNotLast(int value) {
    if (size > 0 && values[size - 1] == value) {
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** Removes one occurrence of {@code value}, if any; linear, for the rare change of a value. */
  void remove(int value) {
    for (int i = size - 1; i >= 0; i--) {
      if (values[i] == value) {
        values[i] = values[--size];
        return;
      }
    }
  }

  /** Sets the bit of every value in {@code into}. */
  void setAll(BitSet into) {
    for (int i = 0; i < size; i++) {
      into.set(values[i]);
    }
  }
}
