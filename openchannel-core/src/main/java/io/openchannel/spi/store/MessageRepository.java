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

  /** The message the channel knows by {@code channelMessageId} on {@code account}, if any. */
  Optional<Message> findByChannelMessageId(AccountId account, String channelMessageId);
}
