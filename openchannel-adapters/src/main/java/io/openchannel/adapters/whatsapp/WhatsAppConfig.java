package io.openchannel.adapters.whatsapp;

import static io.openchannel.adapters.internal.ConfigChecks.positive;
import static io.openchannel.adapters.internal.ConfigChecks.positiveBytes;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.internal.meta.GraphApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link WhatsAppConnector} reaches the Cloud API: one {@link WhatsAppNumber} per account,
 * the Graph API base URL and version, the HTTP client and timeouts, and the largest webhook body
 * accepted. Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class WhatsAppConfig {
  /** Meta's Graph API. */
  public static final URI DEFAULT_GRAPH_BASE_URL = GraphApi.DEFAULT_BASE_URL;
  /** The Graph API version used unless the host pins another. */
  public static final String DEFAULT_API_VERSION = GraphApi.DEFAULT_VERSION;

  private final Map<AccountId, WhatsAppNumber> numbers;
  private final URI graphBaseUrl;
  private final String apiVersion;
  private final Optional<HttpClient> httpClient;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxWebhookBytes;

  private WhatsAppConfig(Builder b) {
    this.numbers = Map.copyOf(b.numbers);
    this.graphBaseUrl = b.graphBaseUrl;
    this.apiVersion = b.apiVersion;
    this.httpClient = Optional.ofNullable(b.httpClient);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxWebhookBytes = b.maxWebhookBytes;
  }

  /**
   * A builder with Meta's Graph API at {@link #DEFAULT_API_VERSION}, 10 s to connect, 60 s per
   * request and 3 MB webhooks.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of {@code account}, if one was configured. */
  public Optional<WhatsAppNumber> number(AccountId account) {
    return Optional.ofNullable(numbers.get(account));
  }

  /** The Graph API base URL, without a trailing slash. */
  public URI graphBaseUrl() {
    return graphBaseUrl;
  }

  /** The Graph API version, such as {@code v24.0}: the first segment of every path. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The host's HTTP client, if it gave one; otherwise the connector makes its own. */
  public Optional<HttpClient> httpClient() {
    return httpClient;
  }

  /** How long to wait for a connection (for the connector's own client). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one API call, upload or media download may take. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The largest webhook body accepted, in bytes. */
  public int maxWebhookBytes() {
    return maxWebhookBytes;
  }

  /** Builds a {@link WhatsAppConfig}; validation happens as each value is set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, WhatsAppNumber> numbers = new LinkedHashMap<>();
    private URI graphBaseUrl = DEFAULT_GRAPH_BASE_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxWebhookBytes = 3 * 1024 * 1024;

    private Builder() {}

    /**
     * The number that serves {@code account}.
     *
     * @throws InvalidInputException if the account already has a number, or another account has
     *     this one (webhooks could not tell them apart)
     */
    public Builder number(AccountId account, WhatsAppNumber number) {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(number, "number");
      numbers.forEach((other, n) -> {
        if (n.phoneNumberId().equals(number.phoneNumberId()) && !other.equals(account)) {
          throw new InvalidInputException("phone number id " + number.phoneNumberId()
              + " is already the number of account " + other + "; one number serves one account");
        }
      });
      if (numbers.putIfAbsent(account, number) != null) {
        throw new InvalidInputException("account " + account + " already has a WhatsApp number");
      }
      return this;
    }

    /**
     * Where the Graph API lives; tests point it at a fake on loopback.
     *
     * @throws InvalidInputException if it is not an absolute http(s) URL without query
     */
    public Builder graphBaseUrl(String url) {
      this.graphBaseUrl = GraphApi.checkBaseUrl(Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * The Graph API version to call, such as {@code v24.0}.
     *
     * @throws InvalidInputException if it is not {@code v<major>.<minor>}
     */
    public Builder apiVersion(String version) {
      this.apiVersion = GraphApi.checkVersion(Objects.requireNonNull(version, "version"));
      return this;
    }

    /** The HTTP client to use (the host's proxy, executor, TLS); its own connect timeout applies. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long to wait for a connection. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long one API call, upload or download may take. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The largest webhook body accepted, in bytes. */
    public Builder maxWebhookBytes(int bytes) {
      this.maxWebhookBytes = positiveBytes(bytes, "maxWebhookBytes");
      return this;
    }

    /**
     * The configuration.
     *
     * @throws InvalidInputException if no number was configured
     */
    public WhatsAppConfig build() {
      if (numbers.isEmpty()) {
        throw new InvalidInputException("a WhatsApp connector needs at least one number: add"
            + " .number(accountId, new WhatsAppNumber(phoneNumberId, wabaId, accessToken, appSecret,"
            + " verifyToken))");
      }
      return new WhatsAppConfig(this);
    }
  }
}
