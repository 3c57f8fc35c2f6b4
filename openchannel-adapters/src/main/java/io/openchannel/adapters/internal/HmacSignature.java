package io.openchannel.adapters.internal;

import io.openchannel.WebhookVerificationException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed signature over a webhook's raw body, as the platforms send it in a header
 * (Meta's {@code X-Hub-Signature-256: sha256=<hex>}, X's {@code x-twitter-webhooks-signature:
 * sha256=<base64>}). Compares in constant time so a forger learns nothing from timing.
 */
public final class HmacSignature {
  /** How the platform writes the digest after its prefix. */
  public enum Encoding {
    HEX,
    BASE64
  }

  private final String algorithm;
  private final SecretKeySpec key;

  private HmacSignature(String algorithm, byte[] secret) {
    this.algorithm = algorithm;
    this.key = new SecretKeySpec(secret, algorithm);
  }

  /** HMAC-SHA256 keyed with {@code secret} (an app secret, a consumer secret). */
  public static HmacSignature sha256(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the signing secret is empty: pass the app's secret");
    }
    return new HmacSignature("HmacSHA256", secret.clone());
  }

  /** The raw MAC of {@code body}. */
  public byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  /** The MAC of {@code body} written as the header carries it, e.g. {@code sha256=ab12…}. */
  public String header(String prefix, byte[] body, Encoding encoding) {
    byte[] mac = sign(body);
    return prefix + (encoding == Encoding.HEX
        ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac));
  }

  /**
   * Checks a signature header over {@code body}.
   *
   * @param headerName the header's name, for the error message
   * @param header the header's value as received, if any
   * @param prefix what precedes the digest ({@code "sha256="})
   * @throws WebhookVerificationException if the header is missing, malformed or wrong
   */
  public void verify(String headerName, Optional<String> header, String prefix, byte[] body,
      Encoding encoding) {
    String value = header.map(String::strip).orElseThrow(() -> new WebhookVerificationException(
        "missing " + headerName + " header: the platform signs every delivery; check that the"
            + " request reaches us unmodified and the app secret is configured"));
    if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new WebhookVerificationException(
          headerName + " must start with '" + prefix + "' but was '" + abbreviate(value) + "'");
    }
    byte[] given;
    try {
      String digest = value.substring(prefix.length());
      given = encoding == Encoding.HEX
          ? HexFormat.of().parseHex(digest) : Base64.getDecoder().decode(digest);
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(
          headerName + " does not hold a " + encoding.name().toLowerCase() + " digest");
    }
    if (!MessageDigest.isEqual(sign(body), given)) {
      throw new WebhookVerificationException(headerName
          + " does not match the body: wrong app secret, or the body was changed on the way");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 16 ? value : value.substring(0, 16) + "…";
  }
}
