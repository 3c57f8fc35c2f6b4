package io.openchannel.query;

import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;

/**
 * An interaction's place in the view's order: its sort time and its id. The view is ordered by
 * {@code at} descending, then {@code id} descending ({@link InteractionId#compareTo}), so no two
 * interactions share a place.
 *
 * @param at the sort time ({@link InteractionSort})
 * @param id the interaction's id, which breaks ties
 */
public record SortKey(Instant at, InteractionId id) implements Comparable<SortKey> {
  /** Validates the key. */
  public SortKey {
    Checks.notNull(at, "at");
    Checks.notNull(id, "id");
  }

  /** Where {@code interaction} sits in the order {@code sort}. */
  public static SortKey of(Interaction interaction, InteractionSort sort) {
    return new SortKey(timeOf(interaction, sort), interaction.id());
  }

  /**
   * The time {@code sort} orders by: the start time, or for {@link InteractionSort#LAST_MESSAGE}
   * the last message's time when there is one.
   */
  public static Instant timeOf(Interaction interaction, InteractionSort sort) {
    if (sort == InteractionSort.LAST_MESSAGE && interaction.lastMessage().isPresent()) {
      return interaction.lastMessage().get().at();
    }
    return interaction.startedAt();
  }

  /** Negative when this key comes first in the view (newer time, or same time and higher id). */
  @Override
  public int compareTo(SortKey other) {
    int byTime = other.at.compareTo(at);
    return byTime != 0 ? byTime : other.id.compareTo(id);
  }
}
