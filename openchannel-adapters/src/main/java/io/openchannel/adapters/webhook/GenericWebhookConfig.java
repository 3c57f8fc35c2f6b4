package io.openchannel.adapters.webhook;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link GenericWebhookConnector} authenticates, sends and fetches. Immutable and
 * thread-safe; build one with {@link #builder(String)}.
 *
 * @param secret the shared secret senders present as {@code ?apikey=} or
 *     {@code Authorization: Bearer}
 * @param connectTimeout how long to wait for a TCP/TLS connection to the Reply URL
 * @param requestTimeout how long to wait for the Reply URL's answer
 * @param maxBodyBytes the largest inbound body accepted
 * @param attachmentUrlTemplate where to download an inbound {@code AttachmentId}'s bytes, with
 *     {@code {id}} standing for the id (URL-encoded); empty means attachments are refused
 * @param httpClient the client to use; empty means one built from the timeouts
 * @param clock stamps inbound messages, whose format carries no time of its own
 */
public record GenericWebhookConfig(
    String secret,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxBodyBytes,
    Optional<String> attachmentUrlTemplate,
    Optional<HttpClient> httpClient,
    Clock clock) {

  /** The default largest inbound body: 1 MB, far above any chat message. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** Validates the configuration; throws {@link InvalidInputException} naming the bad setting. */
  public GenericWebhookConfig {
    Checks.identifier(secret, "secret", 512);
    Checks.check(secret.length() >= 16,
        "secret must be at least 16 characters so it cannot be guessed; generate a random one");
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    Checks.positive(maxBodyBytes, "maxBodyBytes");
    Checks.notNull(attachmentUrlTemplate, "attachmentUrlTemplate");
    attachmentUrlTemplate.ifPresent(t -> Checks.check(
        (t.startsWith("http://") || t.startsWith("https://")) && t.contains("{id}"),
        "attachmentUrlTemplate must be an http(s) URL containing {id}, got " + Checks.quote(t)));
    Checks.notNull(httpClient, "httpClient");
    Checks.notNull(clock, "clock");
  }

  private static void positive(Duration d, String name) {
    Checks.notNull(d, name);
    Checks.check(!d.isNegative() && !d.isZero(), name + " must be positive, got " + d);
  }

  /** A builder with the defaults: 5 s connect, 10 s request, 1 MB bodies, no attachments. */
  public static Builder builder(String secret) {
    return new Builder(secret);
  }

  /** Builds a {@link GenericWebhookConfig}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String secret;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private String attachmentUrlTemplate;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();

    private Builder(String secret) {
      this.secret = secret;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for an answer (default 10 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The largest inbound body in bytes (default 1 MB). */
    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Where inbound attachments are downloaded, such as
     * {@code https://connector.example/attachments/{id}}; {@code null} refuses attachments.
     */
    public Builder attachmentUrlTemplate(String template) {
      this.attachmentUrlTemplate = template;
      return this;
    }

    /** The HTTP client to use (tests pass one); {@code null} builds one from the timeouts. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** The clock stamping inbound messages (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Validates and builds. */
    public GenericWebhookConfig build() {
      return new GenericWebhookConfig(secret, connectTimeout, requestTimeout, maxBodyBytes,
          Optional.ofNullable(attachmentUrlTemplate), Optional.ofNullable(httpClient), clock);
    }
  }
}
