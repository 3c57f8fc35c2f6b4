package io.openchannel.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openchannel.account.AccountId;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.DeliveryReceipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies delivery and read receipts. A status only moves forward along its table, so receipts
 * in any order and any number of times give the same result. A receipt for a message whose
 * {@code SENT} is not stored yet (the platform can be faster than our commit) is parked for a
 * while and applied when it is.
 */
final class ReceiptService {
  private final Engine engine;
  private final Cache<ParkKey, List<DeliveryReceipt>> parked = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();

  ReceiptService(Engine engine) {
    this.engine = engine;
  }

  void apply(AccountId account, DeliveryReceipt receipt) {
    Map<InteractionId, List<Message>> byInteraction = new LinkedHashMap<>();
    engine.transactions.read(tx -> {
      for (String cid : receipt.channelMessageIds()) {
        Optional<Message> m = tx.messages().findByChannelMessageId(account, cid);
        if (m.isPresent()) {
          byInteraction.computeIfAbsent(m.get().interaction(), k -> new ArrayList<>()).add(m.get());
        } else {
          parked.asMap().computeIfAbsent(new ParkKey(account, cid), k -> new ArrayList<>()).add(receipt);
        }
      }
      receipt.watermark().ifPresent(mark -> tx.conversations()
          .findByKey(ConversationKey.direct(account, receipt.recipient()))
          .ifPresent(c -> {
            for (Interaction i : tx.interactions().listByConversation(c.id())) {
              for (Message m : tx.messages().listByInteraction(i.id())) {
                if (m.direction() == Direction.OUT && m.deliveryStatus().isPresent()
                    && m.deliveryStatus().get().isSentOrLater() && !m.createdAt().isAfter(mark)) {
                  byInteraction.computeIfAbsent(i.id(), k -> new ArrayList<>()).add(m);
                }
              }
            }
          }));
      return null;
    });
    byInteraction.forEach((interaction, messages) -> advance(interaction, messages, receipt));
  }

  /** Applies receipts that arrived before the message's {@code SENT} was stored. */
  void applyParked(AccountId account, String channelMessageId) {
    List<DeliveryReceipt> early = parked.asMap().remove(new ParkKey(account, channelMessageId));
    if (early != null) {
      early.forEach(r -> apply(account, r));
    }
  }

  private void advance(InteractionId interaction, List<Message> messages, DeliveryReceipt receipt) {
    engine.transactions.write(engine.lockKey(interaction), work -> {
      for (Message seen : messages) {
        Message current = work.tx().messages().find(seen.id()).orElseThrow();
        DeliveryStatus from = current.deliveryStatus().orElseThrow();
        if (!from.canMoveTo(receipt.status()) || from == DeliveryStatus.QUEUED) {
          continue; // late, repeated or out-of-order receipt: progress never goes back
        }
        Message next = work.tx().messages().update(
            current.withDelivery(receipt.status(), receipt.reason(), Optional.empty()));
        work.publish(new DeliveryStatusChanged(engine.now(), interaction, current.id(),
            receipt.status(), next.failureReason()));
      }
      return null;
    });
  }

  private record ParkKey(AccountId account, String channelMessageId) {}
}
