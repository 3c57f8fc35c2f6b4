package io.openchannel.query;

import io.openchannel.internal.util.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One page of a query's answer. Immutable.
 *
 * @param rows the rows, in the query's order; at most its page size
 * @param next where the next page starts; empty when this is the last page
 * @param total how many interactions match the query's filters in all, on every page; when
 *     {@code totalIsExact} is false, a lower bound
 * @param totalIsExact whether {@code total} is the exact count; false when more than the
 *     query's {@link InteractionQuery#exactTotalUpTo()} match and the store stopped counting
 *     there (show it as "{@code total}+")
 * @param <T> the row type
 */
public record Page<T>(List<T> rows, Optional<Cursor> next, long total, boolean totalIsExact) {
  /** Validates the page and copies its rows. */
  public Page {
    Checks.notNull(rows, "rows");
    Checks.notNull(next, "next");
    Checks.notNegative(total, "total");
    rows = List.copyOf(rows);
  }

  /** A page with an exact total. */
  public Page(List<T> rows, Optional<Cursor> next, long total) {
    this(rows, next, total, true);
  }

  /** The next cursor's string form, or null on the last page (handy for JSON answers). */
  public String nextCursor() {
    return next.map(Cursor::toString).orElse(null);
  }
}
