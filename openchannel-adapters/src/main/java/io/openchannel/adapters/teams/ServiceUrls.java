package io.openchannel.adapters.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openchannel.account.AccountId;
import java.net.URI;
import java.util.Optional;

/**
 * Where each Teams conversation is served: Bot Framework names a {@code serviceUrl} in every
 * activity, and replies must go there. The engine keeps no connector data per conversation, so
 * the connector remembers the last verified {@code serviceUrl} of each conversation here; after a
 * restart, or on another node, it falls back to {@link TeamsConfig#defaultServiceUrl()} until the
 * customer writes again. A host running several nodes may supply a shared implementation.
 *
 * <p>Implementations are thread-safe.
 */
public interface ServiceUrls {
  /** Remembers {@code serviceUrl} for the conversation; the latest wins. */
  void remember(AccountId account, String conversationId, URI serviceUrl);

  /** The remembered {@code serviceUrl} of the conversation, if any. */
  Optional<URI> find(AccountId account, String conversationId);

  /** An in-memory map of at most {@code maxConversations} entries, least recently used evicted. */
  static ServiceUrls inMemory(long maxConversations) {
    Cache<String, URI> cache = Caffeine.newBuilder().maximumSize(maxConversations).build();
    return new ServiceUrls() {
      @Override
      public void remember(AccountId account, String conversationId, URI serviceUrl) {
        cache.put(account + "|" + conversationId, serviceUrl);
      }

      @Override
      public Optional<URI> find(AccountId account, String conversationId) {
        return Optional.ofNullable(cache.getIfPresent(account + "|" + conversationId));
      }
    };
  }
}
