package io.openchannel.spi.store;

import io.openchannel.interaction.Interaction;
import io.openchannel.internal.util.Checks;
import java.util.List;

/**
 * A store's answer to {@link InteractionRepository#query}. Immutable.
 *
 * @param interactions the matching interactions after the cursor, in the query's order, at most
 *     its page size
 * @param more whether more matching interactions follow the last one
 * @param total how many interactions match the query's filters, ignoring cursor and page size;
 *     when {@code totalExact} is false, a lower bound
 * @param totalExact false only when more interactions match than the query's
 *     {@link io.openchannel.query.InteractionQuery#exactTotalUpTo()} and the store stopped
 *     counting
 */
public record InteractionSlice(List<Interaction> interactions, boolean more, long total,
    boolean totalExact) {
  /** Validates the slice and copies its list. */
  public InteractionSlice {
    Checks.notNull(interactions, "interactions");
    Checks.notNegative(total, "total");
    Checks.check(total >= interactions.size(), "total counts at least the interactions returned");
    interactions = List.copyOf(interactions);
  }

  /** A slice with an exact total. */
  public InteractionSlice(List<Interaction> interactions, boolean more, long total) {
    this(interactions, more, total, true);
  }
}
