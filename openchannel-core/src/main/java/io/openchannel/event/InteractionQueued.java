package io.openchannel.event;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.QueueId;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction entered a queue; it is offered to the queue's agents at once if one is eligible,
 * else it waits.
 *
 * @param at when
 * @param interaction the interaction
 * @param queue the queue it entered
 * @param cause why
 * @param from the queue it left (overflow, return after a failed transfer), if any
 */
public record InteractionQueued(Instant at, InteractionId interaction, QueueId queue, Cause cause,
    Optional<QueueId> from) implements OpenChannelEvent {

  /** Why an interaction entered a queue. */
  public enum Cause {
    /** A customer opened it on an account whose queue this is (S3). */
    NEW,
    /** An agent transferred it to this queue (S14). */
    TRANSFER,
    /** It waited longer than its queue's max wait and overflowed here. */
    OVERFLOW,
    /** Its agent went offline and the engine requeues on offline. */
    AGENT_OFFLINE,
    /** The agent it was transferred to did not take it, so it came back. */
    TRANSFER_RETURNED,
    /** Its agent did not answer the customer in time, so it is routed again. */
    UNANSWERED
  }

  @Override
  public Optional<InteractionId> interactionId() {
    return Optional.of(interaction);
  }
}
