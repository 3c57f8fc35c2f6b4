package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.internal.ConfigChecks.positive;
import static io.openchannel.adapters.internal.ConfigChecks.positiveBytes;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an {@link XConnector} checks and reaches X: one {@link XAccount} per openchannel account,
 * the API base URL, the HTTP client and timeouts, the clock (for rate-limit resets) and the
 * largest webhook body accepted. Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class XConfig {
  /** X's public API. */
  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.x.com");

  private final Map<AccountId, XAccount> accounts;
  private final URI apiBaseUrl;
  private final Optional<HttpClient> httpClient;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Clock clock;
  private final int maxWebhookBytes;

  private XConfig(Builder b) {
    this.accounts = Map.copyOf(b.accounts);
    this.apiBaseUrl = b.apiBaseUrl;
    this.httpClient = Optional.ofNullable(b.httpClient);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    this.maxWebhookBytes = b.maxWebhookBytes;
  }

  /** A builder with X's public API, the system clock, 10 s to connect, 30 s per call, 1 MB webhooks. */
  public static Builder builder() {
    return new Builder();
  }

  /** The X account of {@code account}, if one was configured. */
  public Optional<XAccount> account(AccountId account) {
    return Optional.ofNullable(accounts.get(account));
  }

  /** The API base URL, without a trailing slash. */
  public URI apiBaseUrl() {
    return apiBaseUrl;
  }

  /** The host's HTTP client, if it gave one; otherwise the connector makes its own. */
  public Optional<HttpClient> httpClient() {
    return httpClient;
  }

  /** How long to wait for a connection (for the connector's own client). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one call or media download may take. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The clock rate-limit resets are measured against. */
  public Clock clock() {
    return clock;
  }

  /** The largest webhook body accepted. */
  public int maxWebhookBytes() {
    return maxWebhookBytes;
  }

  /** Builds an {@link XConfig}; values are validated as they are set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, XAccount> accounts = new LinkedHashMap<>();
    private URI apiBaseUrl = DEFAULT_API_BASE_URL;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private int maxWebhookBytes = 1024 * 1024;

    private Builder() {}

    /**
     * The X account that serves {@code account}.
     *
     * @throws InvalidInputException if the user id or secret is malformed, or the account has one
     */
    public Builder account(AccountId account, String userId, String consumerSecret,
        Supplier<String> userToken) {
      Objects.requireNonNull(account, "account");
      if (accounts.putIfAbsent(account, new XAccount(userId, consumerSecret, userToken)) != null) {
        throw new InvalidInputException("account " + account + " already has an X account");
      }
      return this;
    }

    /**
     * Where the API lives; tests point it at a fake on loopback.
     *
     * @throws InvalidInputException if it is not an absolute http(s) URL without query
     */
    public Builder apiBaseUrl(String url) {
      URI uri = URI.create(Objects.requireNonNull(url, "url").replaceAll("/+$", ""));
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new InvalidInputException("apiBaseUrl must be an absolute http(s) URL such as "
            + DEFAULT_API_BASE_URL + ", got " + url);
      }
      this.apiBaseUrl = uri;
      return this;
    }

    /** The HTTP client to use (the host's proxy, executor, TLS). */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long to wait for a connection. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long one call may take. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The clock; tests pass a manual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The largest webhook body accepted, in bytes. */
    public Builder maxWebhookBytes(int bytes) {
      this.maxWebhookBytes = positiveBytes(bytes, "maxWebhookBytes");
      return this;
    }

    /** The configuration. */
    public XConfig build() {
      return new XConfig(this);
    }
  }
}
