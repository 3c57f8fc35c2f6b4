package io.openchannel.adapters.webhook;

import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the shared secret of an inbound request: the reference product's {@code ?apikey=} on
 * the receive URL, or {@code Authorization: Bearer} for senders that keep secrets out of URLs
 * (and out of access logs).
 */
final class SharedSecret {
  private final byte[] expectedDigest;

  SharedSecret(String secret) {
    this.expectedDigest = sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws WebhookVerificationException if no secret is presented or it is wrong */
  void verify(WebhookRequest request) {
    Optional<String> given = presented(request);
    if (given.isEmpty()) {
      throw new WebhookVerificationException(
          "missing secret: pass it as ?apikey=... or an Authorization: Bearer header");
    }
    // Comparing digests keeps the comparison constant-time in the length of the secret too.
    byte[] givenDigest = sha256(given.get().getBytes(StandardCharsets.UTF_8));
    if (!MessageDigest.isEqual(expectedDigest, givenDigest)) {
      throw new WebhookVerificationException("the secret presented does not match the connector's");
    }
  }

  private static Optional<String> presented(WebhookRequest request) {
    String apikey = request.query().get("apikey");
    if (apikey != null && !apikey.isEmpty()) {
      return Optional.of(apikey);
    }
    return request.header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).strip())
        .filter(s -> !s.isEmpty());
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
