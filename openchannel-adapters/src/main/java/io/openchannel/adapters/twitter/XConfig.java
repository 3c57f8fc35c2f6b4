package io.openchannel.adapters.twitter;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.HttpSettings;
import io.openchannel.adapters.internal.ConfigChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How an {@link XConnector} checks and reaches X: one {@link XAccount} per openchannel account,
 * the API base URL, the HTTP client and timeouts, the clock (for rate-limit resets) and the
 * largest webhook body accepted. Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class XConfig {
  /**
   * X's HTTP defaults: 10 s to connect, 30 s per API call or media download, 1 MB webhooks.
   */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(30), 1024 * 1024);

  /** X's public API. */
  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.x.com");

  private final Map<AccountId, XAccount> accounts;
  private final URI apiBaseUrl;
  private final HttpSettings http;
  private final Clock clock;

  private XConfig(Builder b) {
    this.accounts = Map.copyOf(b.accounts);
    this.apiBaseUrl = b.apiBaseUrl;
    this.http = b.http;
    this.clock = b.clock;
  }

  /** A builder with X's public API, the system clock and {@link #DEFAULT_HTTP}. */
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

  /** The HTTP client, timeouts and webhook size limit: {@link #DEFAULT_HTTP} unless changed. */
  public HttpSettings http() {
    return http;
  }

  /** The clock rate-limit resets are measured against. */
  public Clock clock() {
    return clock;
  }

  /** Builds an {@link XConfig}; values are validated as they are set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, XAccount> accounts = new LinkedHashMap<>();
    private URI apiBaseUrl = DEFAULT_API_BASE_URL;
    private HttpSettings http = DEFAULT_HTTP;
    private Clock clock = Clock.systemUTC();

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
      this.apiBaseUrl = ConfigChecks.apiBaseUrl(url, DEFAULT_API_BASE_URL);
      return this;
    }

    /** The HTTP client, timeouts and webhook size limit, in place of {@link #DEFAULT_HTTP}. */
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

    /** The clock; tests pass a manual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The configuration. */
    public XConfig build() {
      return new XConfig(this);
    }
  }
}
