package io.openchannel.spi.store;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages. Unique rule: one message per (account, channel message id), which makes inbound
 * idempotent.
 */
public interface MessageRepository extends Repository<MessageId, Message> {
  /** The interaction's messages in insertion order. */
  List<Message> listByInteraction(InteractionId interaction);

  /**
   * Outbound messages waiting for the channel ({@code QUEUED}), oldest first, at most
   * {@code limit}: the outbox the dispatcher drains, also after a restart.
   */
  List<Message> listQueued(int limit);

  /** The message the channel knows by {@code channelMessageId} on {@code account}, if any. */
  Optional<Message> findByChannelMessageId(AccountId account, String channelMessageId);

  /**
   * The messages the channel knows by any of {@code channelMessageIds} on {@code account}, by
   * channel message id: {@link #findByChannelMessageId} for many ids at once (ids without a
   * message are left out).
   */
  default Map<String, Message> findByChannelMessageIds(AccountId account,
      Collection<String> channelMessageIds) {
    Map<String, Message> found = new LinkedHashMap<>();
    for (String id : channelMessageIds) {
      findByChannelMessageId(account, id).ifPresent(m -> found.put(id, m));
    }
    return found;
  }
}
