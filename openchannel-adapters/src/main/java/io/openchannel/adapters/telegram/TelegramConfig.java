package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.internal.ConfigChecks.positive;
import static io.openchannel.adapters.internal.ConfigChecks.positiveBytes;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TelegramConnector} reaches Telegram: one {@link TelegramBot} per account, the API
 * base URL, the HTTP client and timeouts, and the largest webhook body accepted. Immutable and
 * thread-safe; build one with {@link #builder()}.
 */
public final class TelegramConfig {
  /** Telegram's public Bot API. */
  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.telegram.org");

  private final Map<AccountId, TelegramBot> bots;
  private final URI apiBaseUrl;
  private final Optional<HttpClient> httpClient;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxWebhookBytes;

  private TelegramConfig(Builder b) {
    this.bots = Map.copyOf(b.bots);
    this.apiBaseUrl = b.apiBaseUrl;
    this.httpClient = Optional.ofNullable(b.httpClient);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxWebhookBytes = b.maxWebhookBytes;
  }

  /** A builder with Telegram's public API, 10 s to connect, 60 s per request, 1 MB webhooks. */
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

  /** The host's HTTP client, if it gave one; otherwise the connector makes its own. */
  public Optional<HttpClient> httpClient() {
    return httpClient;
  }

  /** How long to wait for a connection (for the connector's own client). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one API call or file download may take. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The largest webhook body accepted; Telegram's updates are a few kilobytes. */
  public int maxWebhookBytes() {
    return maxWebhookBytes;
  }

  /** Builds a {@link TelegramConfig}; validation happens as each value is set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, TelegramBot> bots = new LinkedHashMap<>();
    private URI apiBaseUrl = DEFAULT_API_BASE_URL;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxWebhookBytes = 1024 * 1024;

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

    /** How long one API call or download may take, uploads included. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The largest webhook body accepted, in bytes. */
    public Builder maxWebhookBytes(int bytes) {
      this.maxWebhookBytes = positiveBytes(bytes, "maxWebhookBytes");
      return this;
    }

    /** The configuration. */
    public TelegramConfig build() {
      return new TelegramConfig(this);
    }
  }
}
