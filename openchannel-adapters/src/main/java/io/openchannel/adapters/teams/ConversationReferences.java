package io.openchannel.adapters.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and to what each Teams conversation's replies go. Bot Framework names a
 * {@code serviceUrl} in every activity, and replies must be posted there, in answer to the
 * customer's last message. The engine keeps no connector data per conversation, so the
 * connector remembers both here from every verified activity; after a restart, or on another
 * node, it falls back to {@link TeamsConfig#defaultServiceUrl()} and a plain post into the
 * conversation until the customer writes again. A host running several nodes may supply a shared
 * implementation.
 *
 * <p>Implementations are thread-safe.
 */
public interface ConversationReferences {
  /**
   * What a reply needs.
   *
   * @param serviceUrl the conversation's Bot Framework service
   * @param replyToId the customer's last message activity, answered by the reply, if known
   */
  record Reference(URI serviceUrl, Optional<String> replyToId) {
    /** Validates the reference. */
    public Reference {
      Objects.requireNonNull(serviceUrl, "serviceUrl");
      Objects.requireNonNull(replyToId, "replyToId");
      if (replyToId.isPresent() && replyToId.get().isBlank()) {
        throw new InvalidInputException("replyToId must not be blank");
      }
    }
  }

  /** Remembers the conversation's reference; the latest wins. */
  void remember(AccountId account, String conversationId, Reference reference);

  /** The conversation's remembered reference, if any. */
  Optional<Reference> find(AccountId account, String conversationId);

  /** An in-memory map of at most {@code maxConversations} entries, least recently used evicted. */
  static ConversationReferences inMemory(long maxConversations) {
    Cache<String, Reference> cache = Caffeine.newBuilder().maximumSize(maxConversations).build();
    return new ConversationReferences() {
      @Override
      public void remember(AccountId account, String conversationId, Reference reference) {
        cache.put(account + "|" + conversationId, reference);
      }

      @Override
      public Optional<Reference> find(AccountId account, String conversationId) {
        return Optional.ofNullable(cache.getIfPresent(account + "|" + conversationId));
      }
    };
  }
}
