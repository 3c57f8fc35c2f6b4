package io.openchannel.adapters.teams;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.openchannel.InvalidInputException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys Bot Framework signs its tokens with, as the host supplies them: a JWK set
 * (the document behind {@code jwks_uri} of {@code https://login.botframework.com/v1/.well-known/openidconfiguration}).
 * Microsoft rotates these keys, so the host refreshes the set with {@link #replace} (for instance
 * every day from a {@link BotFrameworkKeyFetcher}); requests signed with a key not in the set are
 * refused.
 *
 * <p>Only RSA keys are kept. Bot Framework's keys carry {@code endorsements}, the channels each
 * key may sign for; when a key has them, a token it signed is accepted only for an activity whose
 * {@code channelId} is endorsed. Thread-safe: a replacement is seen by the next request.
 */
public final class BotFrameworkKeys {
  /** One key and the channels it may sign for (empty: not restricted). */
  record Entry(RSAKey key, Set<String> endorsements) {}

  private volatile Map<String, Entry> byKid;

  private BotFrameworkKeys(Map<String, Entry> byKid) {
    this.byKid = byKid;
  }

  /**
   * Keys from a JWK set document such as {@code {"keys":[{"kty":"RSA","kid":"…","n":"…","e":"AQAB",
   * "endorsements":["msteams"]}]}}.
   *
   * @throws InvalidInputException if it is not a JWK set with at least one RSA key with a kid
   */
  public static BotFrameworkKeys parse(String jwkSetJson) {
    return new BotFrameworkKeys(entries(jwkSetJson));
  }

  /**
   * Keys from a Nimbus {@link JWKSet}; endorsements are not part of that model, so keys given this
   * way are not restricted to channels.
   *
   * @throws InvalidInputException if the set holds no RSA key with a kid
   */
  public static BotFrameworkKeys of(JWKSet set) {
    return new BotFrameworkKeys(entries(Objects.requireNonNull(set, "set").toString(true)));
  }

  /**
   * Replaces every key with those of {@code jwkSetJson}; a malformed document changes nothing.
   *
   * @throws InvalidInputException as {@link #parse}
   */
  public void replace(String jwkSetJson) {
    this.byKid = entries(jwkSetJson);
  }

  /** Replaces every key with those of {@code set}. */
  public void replace(JWKSet set) {
    this.byKid = entries(Objects.requireNonNull(set, "set").toString(true));
  }

  /** The key ids currently trusted. */
  public Set<String> keyIds() {
    return Set.copyOf(byKid.keySet());
  }

  Optional<Entry> find(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }

  private static Map<String, Entry> entries(String json) {
    Objects.requireNonNull(json, "jwkSetJson");
    Map<String, Entry> keys = new HashMap<>();
    try {
      Map<String, Object> document = JSONObjectUtils.parse(json);
      List<Object> list = JSONObjectUtils.getJSONArray(document, "keys");
      if (list == null) {
        throw new InvalidInputException("a JWK set has a \"keys\" array; this document has none");
      }
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> raw)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) raw;
        JWK jwk = JWK.parse(object);
        if (!(jwk instanceof RSAKey rsa) || rsa.getKeyID() == null || rsa.isPrivate()) {
          continue; // Bot Framework signs with RS256 only; a private key has no business here
        }
        List<String> endorsed = object.get("endorsements") instanceof List<?>
            ? JSONObjectUtils.getStringList(object, "endorsements") : List.of();
        keys.put(rsa.getKeyID(), new Entry(rsa, Set.copyOf(endorsed)));
      }
    } catch (ParseException e) {
      throw new InvalidInputException("the Bot Framework key set is not a valid JWK set: "
          + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      throw new InvalidInputException("the Bot Framework key set holds no public RSA key with a"
          + " \"kid\"; pass the document behind the OpenID configuration's jwks_uri");
    }
    return Map.copyOf(keys);
  }
}
