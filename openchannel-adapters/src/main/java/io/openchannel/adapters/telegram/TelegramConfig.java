package io.openchannel.adapters.telegram;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.HttpSettings;
import io.openchannel.adapters.internal.ConfigChecks;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link TelegramConnector} reaches Telegram: one {@link TelegramBot} per account, the API
 * base URL, the HTTP client and timeouts, and the largest webhook body accepted. Immutable and
 * thread-safe; build one with {@link #builder()}.
 */
public final class TelegramConfig {
  /**
   * Telegram's HTTP defaults: 10 s to connect, 60 s per API call or file download (uploads
   * included), 1 MB webhooks (updates are a few kilobytes).
   */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);

  /** Telegram's public Bot API. */
  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.telegram.org");

  private final Map<AccountId, TelegramBot> bots;
  private final URI apiBaseUrl;
  private final HttpSettings http;

  private TelegramConfig(Builder b) {
    this.bots = Map.copyOf(b.bots);
    this.apiBaseUrl = b.apiBaseUrl;
    this.http = b.http;
  }

  /** A builder with Telegram's public API and {@link #DEFAULT_HTTP}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bot of {@code account}, if one was configured. */
  public Optional<TelegramBot> bot(AccountId account) {
    return Optional.ofNullable(bots.get(account));
  }

  /** The API base URL, without a trailing slash. */
  public URI apiBaseUrl() {
    return apiBaseUrl;
  }

  /** The HTTP client, timeouts and webhook size limit: {@link #DEFAULT_HTTP} unless changed. */
  public HttpSettings http() {
    return http;
  }

  /** Builds a {@link TelegramConfig}; validation happens as each value is set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, TelegramBot> bots = new LinkedHashMap<>();
    private URI apiBaseUrl = DEFAULT_API_BASE_URL;
    private HttpSettings http = DEFAULT_HTTP;

    private Builder() {}

    /**
     * The bot that serves {@code account}.
     *
     * @throws InvalidInputException if the token or secret is malformed, or the account has a bot
     */
    public Builder bot(AccountId account, String token, String secretToken) {
      Objects.requireNonNull(account, "account");
      TelegramBot bot = new TelegramBot(token, secretToken);
      if (bots.putIfAbsent(account, bot) != null) {
        throw new InvalidInputException("account " + account + " already has a Telegram bot");
      }
      return this;
    }

    /**
     * Where the Bot API lives; tests point it at a fake on loopback.
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

    /** The configuration. */
    public TelegramConfig build() {
      return new TelegramConfig(this);
    }
  }
}
