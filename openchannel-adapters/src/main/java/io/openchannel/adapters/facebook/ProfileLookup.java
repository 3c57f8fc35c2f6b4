package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.spi.channel.SenderProfile;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a sender's name from the Graph API when the config asks for it
 * ({@link FacebookConfig.Builder#fetchProfiles}): Messenger's User Profile API
 * ({@code GET /{psid}?fields=first_name,last_name}) or Instagram's
 * ({@code GET /{igsid}?fields=name,username}). Answers are cached for a day per account and
 * sender, so a busy conversation costs one call. Any failure (no permission, the person blocked
 * the Page, a timeout) leaves the sender as the webhook gave it: a name is never worth losing a
 * message. Thread-safe.
 */
final class ProfileLookup {
  /**
   * How long a lookup may hold up the webhook: Meta gives up on an endpoint after about 20 s and
   * redelivers, so a slow profile must not cost the whole delivery.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(ProfileLookup.class);

  private final GraphApi api;
  private final boolean instagram;
  private final Cache<String, SenderProfile> cache = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofDays(1)).maximumSize(50_000).build();

  ProfileLookup(GraphApi api, boolean instagram) {
    this.api = api;
    this.instagram = instagram;
  }

  SenderProfile enrich(MetaAccount account, SenderProfile bare) {
    String key = account.id() + "|" + bare.externalId();
    SenderProfile known = cache.getIfPresent(key);
    if (known != null) {
      return known;
    }
    Optional<SenderProfile> found = fetch(account, bare.externalId());
    found.ifPresent(p -> cache.put(key, p));
    return found.orElse(bare);
  }

  private Optional<SenderProfile> fetch(MetaAccount account, String id) {
    try {
      GraphResponse r = api.getFields(account.token(),
          instagram ? "name,username" : "first_name,last_name", id);
      if (!r.ok()) {
        LOG.debug("no profile for {} on {}: HTTP {} {}", id, account, r.status(),
            r.error().map(e -> e.describe()).orElse(""));
        return Optional.empty();
      }
      JsonNode body = r.body();
      if (instagram) {
        String username = body.path("username").asText("").strip();
        SenderProfile named = FeedParser.profile(id, body.path("name"));
        return Optional.of(new SenderProfile(id, named.firstName(), named.lastName(),
            username.isEmpty() ? Map.of() : Map.of("instagram", username)));
      }
      return Optional.of(new SenderProfile(id, text(body.path("first_name")), text(body.path("last_name")),
          Map.of()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("no profile for {} on {}: {}", id, account, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}
