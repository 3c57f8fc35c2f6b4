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
 * @param total how many interactions match the query's filters, ignoring cursor and page size
 */
public record InteractionSlice(List<Interaction> interactions, boolean more, long total) {
  /** Validates the slice and copies its list. */
  public InteractionSlice {
    Checks.notNull(interactions, "interactions");
    Checks.notNegative(total, "total");
    Checks.check(total >= interactions.size(), "total counts at least the interactions returned");
    interactions = List.copyOf(interactions);
  }
}
