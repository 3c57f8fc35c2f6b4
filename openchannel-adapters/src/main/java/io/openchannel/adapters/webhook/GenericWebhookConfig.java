package io.openchannel.adapters.webhook;

import io.openchannel.InvalidInputException;
import io.openchannel.adapters.HttpSettings;
import io.openchannel.internal.util.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link GenericWebhookConnector} authenticates, sends and fetches. Immutable and
 * thread-safe; build one with {@link #builder(String)}.
 *
 * @param secret the shared secret senders present as {@code ?apikey=} or
 *     {@code Authorization: Bearer}
 * @param http the HTTP client, the timeouts of calls to the Reply URL and attachment downloads,
 *     and the largest inbound body accepted ({@link HttpSettings#maxWebhookBytes()})
 * @param attachmentUrlTemplate where to download an inbound {@code AttachmentId}'s bytes, with
 *     {@code {id}} standing for the id (URL-encoded); empty means attachments are refused
 * @param clock stamps inbound messages, whose format carries no time of its own
 */
public record GenericWebhookConfig(
    String secret,
    HttpSettings http,
    Optional<String> attachmentUrlTemplate,
    Clock clock) {

  /** The generic connector's HTTP defaults: 5 s to connect, 10 s per call, 1 MB inbound bodies. */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024);

  /** Validates the configuration; throws {@link InvalidInputException} naming the bad setting. */
  public GenericWebhookConfig {
    Checks.identifier(secret, "secret", 512);
    Checks.check(secret.length() >= 16,
        "secret must be at least 16 characters so it cannot be guessed; generate a random one");
    Checks.notNull(http, "http");
    Checks.notNull(attachmentUrlTemplate, "attachmentUrlTemplate");
    attachmentUrlTemplate.ifPresent(t -> Checks.check(
        (t.startsWith("http://") || t.startsWith("https://")) && t.contains("{id}"),
        "attachmentUrlTemplate must be an http(s) URL containing {id}, got " + Checks.quote(t)));
    Checks.notNull(clock, "clock");
  }

  /** A builder with {@link #DEFAULT_HTTP}, the system clock and no attachments. */
  public static Builder builder(String secret) {
    return new Builder(secret);
  }

  /**
   * Builds a {@link GenericWebhookConfig}; the secret and template are checked in {@link #build()},
   * HTTP settings as they are set. Not thread-safe.
   */
  public static final class Builder {
    private final String secret;
    private HttpSettings http = DEFAULT_HTTP;
    private String attachmentUrlTemplate;
    private Clock clock = Clock.systemUTC();

    private Builder(String secret) {
      this.secret = secret;
    }

    /** The HTTP client, timeouts and body size limit, in place of {@link #DEFAULT_HTTP}. */
    public Builder http(HttpSettings http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Changes some HTTP settings and keeps the others, such as {@code .http(h -> h.client(c))}.
     *
     * @throws InvalidInputException if a value set is invalid
     */
    public Builder http(Consumer<HttpSettings.Builder> change) {
      return http(http.with(change));
    }

    /**
     * Where inbound attachments are downloaded, such as
     * {@code https://connector.example/attachments/{id}}; {@code null} refuses attachments.
     */
    public Builder attachmentUrlTemplate(String template) {
      this.attachmentUrlTemplate = template;
      return this;
    }

    /** The clock stamping inbound messages (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Validates and builds. */
    public GenericWebhookConfig build() {
      return new GenericWebhookConfig(
          secret, http, Optional.ofNullable(attachmentUrlTemplate), clock);
    }
  }
}
