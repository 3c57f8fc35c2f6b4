package io.openchannel.query;

import io.openchannel.internal.util.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One page of a query's answer. Immutable.
 *
 * @param rows the rows, in the query's order; at most its page size
 * @param next where the next page starts; empty when this is the last page
 * @param total how many interactions match the query's filters in all, on every page
 * @param <T> the row type
 */
public record Page<T>(List<T> rows, Optional<Cursor> next, long total) {
  /** Validates the page and copies its rows. */
  public Page {
    Checks.notNull(rows, "rows");
    Checks.notNull(next, "next");
    Checks.notNegative(total, "total");
    rows = List.copyOf(rows);
  }

  /** The next cursor's string form, or null on the last page (handy for JSON answers). */
  public String nextCursor() {
    return next.map(Cursor::toString).orElse(null);
  }
}
