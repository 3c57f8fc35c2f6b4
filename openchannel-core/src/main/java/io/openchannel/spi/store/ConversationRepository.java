package io.openchannel.spi.store;

import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Conversations. Unique rule: one conversation per {@link ConversationKey}. */
public interface ConversationRepository extends Repository<ConversationId, Conversation> {
  /** The conversation with that key, if any. */
  Optional<Conversation> findByKey(ConversationKey key);

  /**
   * The conversations with any of {@code keys}, by key: {@link #findByKey} for many keys at once
   * (keys without a conversation are left out).
   */
  default Map<ConversationKey, Conversation> findByKeys(Collection<ConversationKey> keys) {
    Map<ConversationKey, Conversation> found = new LinkedHashMap<>();
    for (ConversationKey key : keys) {
      findByKey(key).ifPresent(c -> found.put(key, c));
    }
    return found;
  }
}
