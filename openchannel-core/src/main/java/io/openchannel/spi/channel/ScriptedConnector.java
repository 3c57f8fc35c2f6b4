package io.openchannel.spi.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.DeliveryStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A connector whose platform is a script: for tests, demos and trying a host's wiring without a
 * real channel. It speaks a small JSON webhook format signed like Meta's
 * ({@code X-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}):
 *
 * <pre>{@code
 * {"messages": [{"id": "m1", "from": "user-1", "text": "Hi", "firstName": "Mia"}],
 *  "receipts": [{"recipient": "user-1", "ids": ["fake-1"], "status": "READ"}]}
 * }</pre>
 *
 * <p>Sends succeed unless the script says otherwise: queue outcomes with {@link #willSucceed},
 * {@link #willFailTransiently}, {@link #willFailPermanently} or {@link #willThrow}, or set a
 * random failure rate with {@link #failRandomly}. Every send is recorded. Thread-safe.
 */
public final class ScriptedConnector implements ChannelConnector {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Signature-256";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelType type;
  private final byte[] secret;
  private final Deque<Outcome> script = new ArrayDeque<>();
  private final List<OutboundMessage> sent = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private Random random;
  private double failureRate;

  /** A connector for {@code type} whose webhooks are signed with {@code secret}. */
  public ScriptedConnector(ChannelType type, String secret) {
    this.type = Checks.notNull(type, "type");
    this.secret = Checks.identifier(secret, "secret", 256).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public ChannelType type() {
    return type;
  }

  // ---- inbound -------------------------------------------------------------------------------

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    verify(request);
    JsonNode root;
    try {
      root = JSON.readTree(request.body());
    } catch (IOException e) {
      throw new InvalidInputException("webhook body is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("webhook body must be a JSON object");
    }
    List<InboundEvent> events = new ArrayList<>();
    for (JsonNode m : root.path("messages")) {
      events.add(new InboundMessage(text(m, "id"), new SenderProfile(text(m, "from"),
          optional(m, "firstName"), optional(m, "lastName"), Map.of()), m.path("text").asText(""),
          Optional.empty(), false, Instant.ofEpochMilli(m.path("timestamp").asLong(0)),
          Optional.empty(), optional(m, "threadId")));
    }
    for (JsonNode r : root.path("receipts")) {
      List<String> mids = new ArrayList<>();
      r.path("ids").forEach(id -> mids.add(id.asText()));
      DeliveryStatus status;
      try {
        status = DeliveryStatus.valueOf(text(r, "status"));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("receipt status must be DELIVERED, READ or FAILED");
      }
      events.add(new DeliveryReceipt(text(r, "recipient"), mids,
          r.has("watermark") ? Optional.of(Instant.ofEpochMilli(r.get("watermark").asLong()))
              : Optional.empty(), status, optional(r, "reason"), Instant.ofEpochMilli(r.path("at").asLong(0))));
    }
    return WebhookResult.of(events);
  }

  /** A POST of {@code json}, signed as this connector expects. */
  public WebhookRequest signedRequest(String json) {
    return WebhookRequest.postJson("/webhook", Map.of(SIGNATURE_HEADER, "sha256=" + sign(json.getBytes(StandardCharsets.UTF_8))), json);
  }

  private void verify(WebhookRequest request) {
    String header = request.header(SIGNATURE_HEADER).orElseThrow(() ->
        new WebhookVerificationException("missing " + SIGNATURE_HEADER + " header"));
    if (!header.startsWith("sha256=")) {
      throw new WebhookVerificationException(SIGNATURE_HEADER + " must start with sha256=");
    }
    byte[] expected = sign(request.body()).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.substring(7).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) { // constant time
      throw new WebhookVerificationException("signature does not match the body");
    }
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new InvalidInputException("webhook item lacks \"" + field + "\": " + node);
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  // ---- outbound ------------------------------------------------------------------------------

  @Override
  public synchronized SendResult send(OutboundMessage message, Account account) {
    Outcome next = script.poll();
    if (next == null && random != null && random.nextDouble() < failureRate) {
      next = random.nextBoolean() ? new Outcome(Kind.TRANSIENT, "random transient failure", null)
          : new Outcome(Kind.PERMANENT, "random permanent failure", null);
    }
    if (next == null) {
      next = new Outcome(Kind.SUCCESS, null, null);
    }
    switch (next.kind) {
      case THROW:
        throw new IllegalStateException(next.reason);
      case TRANSIENT:
        return SendResult.transientFailure(next.reason, Optional.ofNullable(next.retryAfter));
      case PERMANENT:
        return SendResult.permanentFailure(next.reason);
      default:
        sent.add(message);
        return SendResult.sent("fake-" + ids.incrementAndGet());
    }
  }

  /** The next send succeeds. */
  public synchronized ScriptedConnector willSucceed() {
    script.add(new Outcome(Kind.SUCCESS, null, null));
    return this;
  }

  /** The next send fails transiently, asking to wait {@code retryAfter} (may be null). */
  public synchronized ScriptedConnector willFailTransiently(String reason, Duration retryAfter) {
    script.add(new Outcome(Kind.TRANSIENT, reason, retryAfter));
    return this;
  }

  /** The next send fails for good. */
  public synchronized ScriptedConnector willFailPermanently(String reason) {
    script.add(new Outcome(Kind.PERMANENT, reason, null));
    return this;
  }

  /** The next send throws, as a buggy connector would. */
  public synchronized ScriptedConnector willThrow(String message) {
    script.add(new Outcome(Kind.THROW, message, null));
    return this;
  }

  /** After the script runs out, each send fails with probability {@code rate} (half transient). */
  public synchronized ScriptedConnector failRandomly(double rate, long seed) {
    Checks.check(rate >= 0 && rate <= 1, "rate must be within 0..1");
    this.failureRate = rate;
    this.random = new Random(seed);
    return this;
  }

  /** The messages the platform accepted, in order. */
  public synchronized List<OutboundMessage> sent() {
    return List.copyOf(sent);
  }

  private enum Kind { SUCCESS, TRANSIENT, PERMANENT, THROW }

  private record Outcome(Kind kind, String reason, Duration retryAfter) {}
}
