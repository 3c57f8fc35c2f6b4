package io.openchannel.spi.store;

import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import java.util.Optional;

/** Conversations. Unique rule: one conversation per {@link ConversationKey}. */
public interface ConversationRepository extends Repository<ConversationId, Conversation> {
  /** The conversation with that key, if any. */
  Optional<Conversation> findByKey(ConversationKey key);
}
