package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import io.openchannel.message.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A channel's report that outbound messages reached the customer or were read, or failed after
 * all. Receipts may arrive in any order and more than once: a message's status only ever moves
 * forward, so a late {@code DELIVERED} after {@code READ} changes nothing.
 *
 * @param recipient the customer's address on the account
 * @param channelMessageIds the messages concerned (may be empty when a watermark is given)
 * @param watermark every message to {@code recipient} sent at or before this instant is
 *     concerned too (Messenger's {@code watermark})
 * @param status {@code DELIVERED}, {@code READ} or {@code FAILED}
 * @param reason the platform's words for a failure
 * @param at when the channel says it happened
 */
public record DeliveryReceipt(
    String recipient,
    List<String> channelMessageIds,
    Optional<Instant> watermark,
    DeliveryStatus status,
    Optional<String> reason,
    Instant at) implements InboundEvent {

  /** Validates the receipt. */
  public DeliveryReceipt {
    Checks.identifier(recipient, "recipient", 256);
    channelMessageIds = List.copyOf(Checks.notNull(channelMessageIds, "channelMessageIds"));
    channelMessageIds.forEach(id -> Checks.identifier(id, "channelMessageId", 512));
    Checks.notNull(watermark, "watermark");
    Checks.notNull(status, "status");
    Checks.notNull(reason, "reason");
    Checks.notNull(at, "at");
    Checks.check(status == DeliveryStatus.DELIVERED || status == DeliveryStatus.READ
        || status == DeliveryStatus.FAILED, "a receipt reports DELIVERED, READ or FAILED, not " + status);
    Checks.check(!channelMessageIds.isEmpty() || watermark.isPresent(),
        "a receipt names messages or gives a watermark");
  }

  /** A receipt for the listed messages. */
  public static DeliveryReceipt of(String recipient, DeliveryStatus status, Instant at,
      String... channelMessageIds) {
    return new DeliveryReceipt(recipient, List.of(channelMessageIds), Optional.empty(), status,
        Optional.empty(), at);
  }

  /** A receipt for everything sent to {@code recipient} up to {@code watermark}. */
  public static DeliveryReceipt upTo(String recipient, DeliveryStatus status, Instant watermark) {
    return new DeliveryReceipt(recipient, List.of(), Optional.of(watermark), status,
        Optional.empty(), watermark);
  }
}
