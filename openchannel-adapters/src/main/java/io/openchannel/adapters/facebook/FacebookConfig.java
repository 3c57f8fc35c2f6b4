package io.openchannel.adapters.facebook;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.HttpSettings;
import io.openchannel.adapters.internal.meta.GraphApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How the Meta connectors ({@link MessengerConnector}, {@link PageFeedConnector},
 * {@link InstagramConnector}) reach Meta: the app's secret and webhook verify token, one Page or
 * Instagram account (its id and access token) per openchannel account, the Graph API base URL and
 * version, the HTTP client and timeouts, the largest webhook body accepted and the clock.
 * Immutable and thread-safe; build one with {@link #builder()} and hand the same config to each
 * connector.
 */
public final class FacebookConfig {
  /**
   * The Meta connectors' HTTP defaults: 10 s to connect, 60 s per Graph call, upload or download,
   * 1 MB webhooks (Meta batches up to 1,000 updates, usually a few KB).
   */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);

  private final String appSecret;
  private final String verifyToken;
  private final Map<AccountId, MetaAccount> accounts;
  private final URI graphBaseUrl;
  private final String graphVersion;
  private final HttpSettings http;
  private final Clock clock;
  private final boolean fetchProfiles;

  private FacebookConfig(Builder b) {
    this.appSecret = b.appSecret;
    this.verifyToken = b.verifyToken;
    this.accounts = Map.copyOf(b.accounts);
    this.graphBaseUrl = b.graphBaseUrl;
    this.graphVersion = b.graphVersion;
    this.http = b.http;
    this.clock = b.clock;
    this.fetchProfiles = b.fetchProfiles;
  }

  /**
   * A builder for the Meta app with {@code appSecret} (App settings → Basic) and the webhook
   * {@code verifyToken} the host chose; defaults: {@code https://graph.facebook.com},
   * {@link GraphApi#DEFAULT_VERSION}, {@link #DEFAULT_HTTP}, the UTC system clock.
   *
   * @throws InvalidInputException if either is blank
   */
  public static Builder builder(String appSecret, String verifyToken) {
    return new Builder(appSecret, verifyToken);
  }

  /** The Meta app's secret, which signs every webhook delivery. */
  String appSecret() {
    return appSecret;
  }

  /** The token Meta's subscription handshake must present. */
  String verifyToken() {
    return verifyToken;
  }

  /** The Page or Instagram account behind {@code account}, if configured. */
  Optional<MetaAccount> account(AccountId account) {
    return Optional.ofNullable(accounts.get(account));
  }

  /** The Graph API base URL, without a trailing slash. */
  public URI graphBaseUrl() {
    return graphBaseUrl;
  }

  /** The Graph API version, like {@code v24.0}. */
  public String graphVersion() {
    return graphVersion;
  }

  /** The HTTP client, timeouts and webhook size limit: {@link #DEFAULT_HTTP} unless changed. */
  public HttpSettings http() {
    return http;
  }

  /** The clock, for events that lack a timestamp and for {@code Retry-After} dates. */
  public Clock clock() {
    return clock;
  }

  /** Whether the connectors ask the Graph API for a new sender's name. */
  public boolean fetchProfiles() {
    return fetchProfiles;
  }

  /** The Graph client the connectors share. */
  GraphApi graphApi() {
    return graphApi(http.requestTimeout());
  }

  /** A Graph client whose calls may take at most {@code timeout}. */
  GraphApi graphApi(Duration timeout) {
    return new GraphApi(GraphApi.client(http), graphBaseUrl, graphVersion, timeout);
  }

  /** Builds a {@link FacebookConfig}; each value is checked as it is set. Not thread-safe. */
  public static final class Builder {
    private static final Pattern ID = Pattern.compile("[0-9]{1,40}");

    private final String appSecret;
    private final String verifyToken;
    private final Map<AccountId, MetaAccount> accounts = new LinkedHashMap<>();
    private URI graphBaseUrl = GraphApi.DEFAULT_BASE_URL;
    private String graphVersion = GraphApi.DEFAULT_VERSION;
    private HttpSettings http = DEFAULT_HTTP;
    private Clock clock = Clock.systemUTC();
    private boolean fetchProfiles;

    private Builder(String appSecret, String verifyToken) {
      this.appSecret = secret(appSecret, "appSecret");
      this.verifyToken = secret(verifyToken, "verifyToken");
    }

    /**
     * The Facebook Page behind {@code account} (a Messenger or a Facebook Page account; both may
     * use the same Page): its numeric id and a Page access token with {@code pages_messaging}
     * (Messenger) or {@code pages_manage_engagement} (replies to comments).
     *
     * @throws InvalidInputException if the id is not numeric, the token blank, or the account
     *     already configured
     */
    public Builder page(AccountId account, String pageId, String pageAccessToken) {
      return add(account, pageId, pageAccessToken);
    }

    /**
     * The Instagram professional account behind {@code account}: its numeric id (the
     * {@code entry.id} of its webhooks, the id the Send API is called on) and its access token.
     *
     * @throws InvalidInputException as for {@link #page}
     */
    public Builder instagram(AccountId account, String instagramAccountId, String accessToken) {
      return add(account, instagramAccountId, accessToken);
    }

    private Builder add(AccountId account, String id, String token) {
      Objects.requireNonNull(account, "account");
      if (id == null || !ID.matcher(id).matches()) {
        throw new InvalidInputException("the Meta object id of account " + account
            + " must be its numeric id (Page settings → About, or the Instagram account id), got " + id);
      }
      if (accounts.putIfAbsent(account, new MetaAccount(id, secret(token, "access token"))) != null) {
        throw new InvalidInputException("account " + account + " is already configured");
      }
      return this;
    }

    /**
     * Where the Graph API lives; tests point it at a fake on loopback, Instagram Login apps at
     * {@code https://graph.instagram.com}.
     *
     * @throws InvalidInputException if it is not an absolute http(s) URL without query
     */
    public Builder graphBaseUrl(String url) {
      this.graphBaseUrl = GraphApi.checkBaseUrl(url);
      return this;
    }

    /**
     * The Graph API version to call.
     *
     * @throws InvalidInputException unless it looks like {@code v24.0}
     */
    public Builder graphVersion(String version) {
      this.graphVersion = GraphApi.checkVersion(version);
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

    /** The clock (tests pass a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether Messenger and Instagram senders' names are asked from the Graph API (User Profile
     * API; the token needs the matching permission). Off by default: webhooks carry only ids,
     * and each new sender then costs one call while the webhook is handled (cached for a day).
     * A failed lookup leaves the sender known by id; it never fails the delivery.
     */
    public Builder fetchProfiles(boolean fetch) {
      this.fetchProfiles = fetch;
      return this;
    }

    /** The configuration. */
    public FacebookConfig build() {
      return new FacebookConfig(this);
    }

    private static String secret(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new InvalidInputException(name + " must not be blank");
      }
      return value;
    }
  }
}
