package io.openchannel.internal.store;

import java.util.function.Function;

/**
 * How a {@link Table} keeps its committed rows: as the records themselves, or in a packed form
 * that is turned back into a record when read.
 *
 * @param <T> the row's record type
 */
interface RowForm<T> {
  /**
   * What to keep for {@code row}; {@code kept} is what was kept for it before (null on insert),
   * which a packed form may rewrite in place and return.
   */
  Object keep(T row, Object kept);

  /** The record that {@code kept} holds. */
  T row(Object kept);

  /** Whether {@code kept} holds the row with this id. */
  boolean hasId(Object kept, Object id);

  /** Rows kept as they are; an id read off the row. */
  static <I, T> RowForm<T> records(Function<T, I> idOf) {
    return new RowForm<>() {
      @Override
      public Object keep(T row, Object kept) {
        return row;
      }

      @Override
      @SuppressWarnings("unchecked")
      public T row(Object kept) {
        return (T) kept;
      }

      @Override
      @SuppressWarnings("unchecked")
      public boolean hasId(Object kept, Object id) {
        Object own = idOf.apply((T) kept);
        // Mostly the very id object the row holds: equals would be a call on the stored id, a
        // cache miss for it and another for its string in a table of millions.
        return own == id || own.equals(id);
      }
    };
  }
}
