package io.openchannel.adapters.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.adapters.internal.HmacSignature;
import io.openchannel.adapters.internal.JsonWebhookBody;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The webhook side Meta's platforms share. A subscription is confirmed by a {@code GET} with
 * {@code hub.mode=subscribe}, {@code hub.verify_token} and {@code hub.challenge}, answered with
 * the challenge; every delivery is a {@code POST} of JSON signed with the app secret in
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}.
 *
 * <p>Use: {@link #handshake} first (a {@code GET}), then {@link #readDelivery}, which verifies the
 * signature before it looks at the body, so an unsigned request learns nothing about our parser.
 * Thread-safe; immutable.
 */
public final class MetaWebhook {
  /** The signature header of every delivery. */
  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
  /** What precedes the hex digest in {@link #SIGNATURE_HEADER}. */
  public static final String SIGNATURE_PREFIX = "sha256=";

  /** Meta's challenges are numbers; anything visible and short is echoed, nothing else. */
  private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7E]{1,256}");

  private final String channel;
  private final HmacSignature appSecret;
  private final byte[] verifyToken;
  private final int maxBodyBytes;

  /**
   * A webhook of {@code channel} (for messages: "Messenger", "WhatsApp").
   *
   * @param appSecret the Meta app's secret, which signs every delivery
   * @param verifyToken the token the host typed into the app's webhook settings
   * @param maxBodyBytes the largest body accepted
   */
  public MetaWebhook(String channel, String appSecret, String verifyToken, int maxBodyBytes) {
    this.channel = channel;
    this.appSecret = HmacSignature.sha256(appSecret.getBytes(StandardCharsets.UTF_8));
    this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The answer to a subscription handshake, if {@code request} is one ({@code GET} with
   * {@code hub.mode}); empty for a {@code POST}.
   *
   * @throws WebhookVerificationException if the mode is not {@code subscribe} or the verify token
   *     differs
   * @throws InvalidInputException if a {@code GET} is not a handshake or its challenge is malformed
   */
  public Optional<WebhookResponse> handshake(WebhookRequest request) {
    if (!request.method().equals("GET")) {
      return Optional.empty();
    }
    String mode = request.query().get("hub.mode");
    if (mode == null) {
      throw new InvalidInputException("a GET to a " + channel + " webhook must be Meta's"
          + " subscription handshake with hub.mode, hub.verify_token and hub.challenge");
    }
    if (!mode.equals("subscribe")) {
      throw new WebhookVerificationException("hub.mode must be 'subscribe', got '" + abbreviate(mode) + "'");
    }
    String token = request.query().getOrDefault("hub.verify_token", "");
    // Constant time, so timing does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken)) {
      throw new WebhookVerificationException("hub.verify_token does not match the configured verify"
          + " token; use the same value in the app's webhook settings and the connector's config");
    }
    String challenge = request.query().getOrDefault("hub.challenge", "");
    if (!CHALLENGE.matcher(challenge).matches()) {
      throw new InvalidInputException("hub.challenge must be 1-256 visible ASCII characters");
    }
    return Optional.of(WebhookResponse.text(challenge));
  }

  /**
   * Verifies a delivery and reads its JSON object.
   *
   * @throws WebhookVerificationException if the signature is missing or does not match the body
   * @throws InvalidInputException if the request is not a {@code POST} of {@code application/json},
   *     is larger than the limit, or is not a JSON object
   */
  public JsonNode readDelivery(WebhookRequest request) {
    byte[] body = request.body();
    appSecret.verify(SIGNATURE_HEADER, request.header(SIGNATURE_HEADER), SIGNATURE_PREFIX, body,
        HmacSignature.Encoding.HEX);
    if (!request.method().equals("POST")) {
      throw new InvalidInputException(channel + " delivers webhooks by POST, got " + request.method());
    }
    return JsonWebhookBody.readObject(request, maxBodyBytes, "the " + channel + " webhook body",
        "maxWebhookBytes in the config's http settings");
  }

  /** The signature header value Meta would send for {@code body}, for tests and fakes. */
  public String sign(byte[] body) {
    return appSecret.header(SIGNATURE_PREFIX, body, HmacSignature.Encoding.HEX);
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
