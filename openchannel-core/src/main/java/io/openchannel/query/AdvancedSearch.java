package io.openchannel.query;

import io.openchannel.internal.util.Checks;
import java.util.List;

/**
 * Advanced search (S18): criteria joined with {@link Join#AND} or {@link Join#OR}. Combined with
 * the query's other filters by AND. Immutable.
 *
 * @param join how the criteria combine
 * @param criteria at least one, at most {@value #MAX_CRITERIA}
 */
public record AdvancedSearch(Join join, List<Criterion> criteria) {
  /** The most criteria one search may have. */
  public static final int MAX_CRITERIA = 20;

  /** Validates and copies the criteria. */
  public AdvancedSearch {
    Checks.notNull(join, "join");
    Checks.notNull(criteria, "criteria");
    criteria.forEach(c -> Checks.notNull(c, "criterion"));
    int size = criteria.size();
    Checks.check(size > 0 && size <= MAX_CRITERIA,
        () -> "an advanced search has 1 to " + MAX_CRITERIA + " criteria, not " + size);
    criteria = List.copyOf(criteria);
  }

  /** Every criterion must hold. */
  public static AdvancedSearch all(Criterion... criteria) {
    return new AdvancedSearch(Join.AND, List.of(criteria));
  }

  /** At least one criterion must hold. */
  public static AdvancedSearch any(Criterion... criteria) {
    return new AdvancedSearch(Join.OR, List.of(criteria));
  }
}
