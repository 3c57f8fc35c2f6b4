package io.openchannel.adapters;

import static io.openchannel.adapters.internal.ConfigChecks.positive;
import static io.openchannel.adapters.internal.ConfigChecks.positiveBytes;

import io.openchannel.InvalidInputException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a connector uses HTTP: the host's {@link HttpClient} (optional), how long to wait for a
 * connection and for each call to the platform, and the largest webhook body accepted. Every
 * connector's configuration holds one, {@code http()}, starting from that connector's defaults
 * (its {@code DEFAULT_HTTP}); change some settings on the config's builder and keep the others:
 *
 * <pre>{@code
 * TelegramConfig.builder()
 *     .http(h -> h.client(hostClient).requestTimeout(Duration.ofSeconds(20)))
 *     ...
 * }</pre>
 *
 * <p>The same {@code Consumer<HttpSettings.Builder>} may be handed to every connector. Immutable
 * and thread-safe.
 */
public final class HttpSettings {
  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxWebhookBytes;

  private HttpSettings(Builder b) {
    this.client = b.client;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxWebhookBytes = b.maxWebhookBytes;
  }

  /**
   * Settings with no client of the host's (the connector makes its own).
   *
   * @throws InvalidInputException if a timeout or the size is zero or negative
   */
  public static HttpSettings of(Duration connectTimeout, Duration requestTimeout,
      int maxWebhookBytes) {
    return new Builder().connectTimeout(connectTimeout).requestTimeout(requestTimeout)
        .maxWebhookBytes(maxWebhookBytes).build();
  }

  /**
   * These settings with {@code change} applied, such as {@code with(h -> h.client(hostClient))}.
   *
   * @throws InvalidInputException if {@code change} sets an invalid value
   */
  public HttpSettings with(Consumer<Builder> change) {
    Builder b = new Builder();
    b.client = client;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.maxWebhookBytes = maxWebhookBytes;
    change.accept(b);
    return b.build();
  }

  /**
   * The host's HTTP client, if it gave one; otherwise the connector makes its own (HTTP/1.1,
   * {@link #connectTimeout()}).
   */
  public Optional<HttpClient> client() {
    return Optional.ofNullable(client);
  }

  /** How long to wait for a connection; applies to the connector's own client only. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one call to the platform (an API call, upload or file download) may take. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The largest webhook body accepted, in bytes; a larger one is an {@link InvalidInputException}.
   */
  public int maxWebhookBytes() {
    return maxWebhookBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpSettings h && Objects.equals(client, h.client)
        && connectTimeout.equals(h.connectTimeout) && requestTimeout.equals(h.requestTimeout)
        && maxWebhookBytes == h.maxWebhookBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(client, connectTimeout, requestTimeout, maxWebhookBytes);
  }

  @Override
  public String toString() {
    return "HttpSettings[client=" + (client == null ? "own" : "host's") + ", connectTimeout="
        + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxWebhookBytes="
        + maxWebhookBytes + "]";
  }

  /**
   * Changes {@link HttpSettings} inside {@link #with}; each value is checked as it is set. Not
   * thread-safe.
   */
  public static final class Builder {
    private HttpClient client;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private int maxWebhookBytes;

    private Builder() {}

    /**
     * The HTTP client to use (the host's proxy, executor, TLS); its own connect timeout and
     * redirect policy apply.
     */
    public Builder client(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * How long to wait for a connection.
     *
     * @throws InvalidInputException if it is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long one call, upload or download may take.
     *
     * @throws InvalidInputException if it is zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The largest webhook body accepted, in bytes.
     *
     * @throws InvalidInputException if it is zero or negative
     */
    public Builder maxWebhookBytes(int bytes) {
      this.maxWebhookBytes = positiveBytes(bytes, "maxWebhookBytes");
      return this;
    }

    private HttpSettings build() {
      return new HttpSettings(this);
    }
  }
}
