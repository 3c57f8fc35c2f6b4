package io.openchannel.adapters.whatsapp;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.HttpSettings;
import io.openchannel.adapters.internal.meta.GraphApi;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link WhatsAppConnector} reaches the Cloud API: one {@link WhatsAppNumber} per account,
 * the Graph API base URL and version, the HTTP client and timeouts, and the largest webhook body
 * accepted. Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class WhatsAppConfig {
  /**
   * The Cloud API's HTTP defaults: 10 s to connect, 60 s per API call, upload or media download,
   * 3 MB webhooks.
   */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(60), 3 * 1024 * 1024);

  /** Meta's Graph API. */
  public static final URI DEFAULT_GRAPH_BASE_URL = GraphApi.DEFAULT_BASE_URL;
  /** The Graph API version used unless the host pins another. */
  public static final String DEFAULT_API_VERSION = GraphApi.DEFAULT_VERSION;

  private final Map<AccountId, WhatsAppNumber> numbers;
  private final URI graphBaseUrl;
  private final String apiVersion;
  private final HttpSettings http;

  private WhatsAppConfig(Builder b) {
    this.numbers = Map.copyOf(b.numbers);
    this.graphBaseUrl = b.graphBaseUrl;
    this.apiVersion = b.apiVersion;
    this.http = b.http;
  }

  /** A builder with Meta's Graph API at {@link #DEFAULT_API_VERSION} and {@link #DEFAULT_HTTP}. */
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

  /** The HTTP client, timeouts and webhook size limit: {@link #DEFAULT_HTTP} unless changed. */
  public HttpSettings http() {
    return http;
  }

  /** Builds a {@link WhatsAppConfig}; validation happens as each value is set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, WhatsAppNumber> numbers = new LinkedHashMap<>();
    private URI graphBaseUrl = DEFAULT_GRAPH_BASE_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private HttpSettings http = DEFAULT_HTTP;

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
