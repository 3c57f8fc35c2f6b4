package io.openchannel.spi.store;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.QueueId;
import java.time.Instant;
import java.util.Objects;

/**
 * An interaction in a queue that no agent has taken yet (it waits, or is being offered), as the
 * {@link RoutingLedger} keeps it. Queue order: higher {@code priority} first, then older
 * {@code enqueuedAt}. A new entry for the same interaction replaces the old one, so
 * {@code enqueuedAt} also tells one stay in a queue from the next (max wait fires once per stay).
 *
 * @param interaction the waiting interaction
 * @param queue the queue it is in
 * @param priority the queue's priority when it entered
 * @param enqueuedAt when it entered the queue
 */
public record WaitingEntry(InteractionId interaction, QueueId queue, int priority,
    Instant enqueuedAt) {
  /** Validates the entry. */
  public WaitingEntry {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
  }
}
