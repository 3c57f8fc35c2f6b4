package io.openchannel.spi.store;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import java.util.List;
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
}
