package io.openchannel.message;

import io.openchannel.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an outbound message is on its way to the customer (S12). Monotonic: a status never goes
 * back, so receipts arriving out of order cannot undo progress.
 *
 * <pre>
 * QUEUED ──▶ SENT ──▶ DELIVERED ──▶ READ
 *    │         │          ▲           ▲
 *    └────┬────┘          │           │
 *         ▼               │           │
 *       FAILED ───────────┴───────────┘
 *         └──retry (agent)──▶ QUEUED
 * </pre>
 *
 * <p>Proof of delivery beats a failure report: a channel may report a message failed and then
 * delivered (WhatsApp statuses come in any order), and a delivered message did not fail. With
 * that rule the final status is the same whatever order the receipts arrive in.
 */
public enum DeliveryStatus {
  /** Stored, waiting to be handed to the channel. */
  QUEUED,
  /** Accepted by the channel: the double checkmark (not necessarily on the customer's device). */
  SENT,
  /** On the customer's device. */
  DELIVERED,
  /** Seen by the customer. */
  READ,
  /** The channel refused it or it could not be sent: the single checkmark, with a reason. */
  FAILED;

  private static final Map<DeliveryStatus, Set<DeliveryStatus>> TRANSITIONS = Map.of(
      QUEUED, EnumSet.of(SENT, DELIVERED, READ, FAILED),
      SENT, EnumSet.of(DELIVERED, READ, FAILED),
      DELIVERED, EnumSet.of(READ),
      READ, EnumSet.noneOf(DeliveryStatus.class),
      FAILED, EnumSet.of(QUEUED, DELIVERED, READ));

  /** Whether the transition table allows moving from this status to {@code next}. */
  public boolean canMoveTo(DeliveryStatus next) {
    return TRANSITIONS.get(this).contains(next);
  }

  /**
   * Checks the move.
   *
   * @throws IllegalTransitionException if the table does not allow it
   */
  public DeliveryStatus moveTo(DeliveryStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException("delivery status cannot go from " + this + " to " + next
          + "; allowed from " + this + ": " + TRANSITIONS.get(this));
    }
    return next;
  }

  /** Whether the channel has accepted the message (double checkmark or better). */
  public boolean isSentOrLater() {
    return this == SENT || this == DELIVERED || this == READ;
  }
}
