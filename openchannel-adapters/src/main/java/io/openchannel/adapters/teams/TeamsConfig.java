package io.openchannel.adapters.teams;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.HttpSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link TeamsConnector} checks and reaches Bot Framework: one {@link TeamsBot} per account,
 * the signing keys the host keeps current, the token endpoint, where replies go when a
 * conversation's {@code serviceUrl} is not known, clock and timeouts. Immutable and thread-safe;
 * build one with {@link #builder(BotFrameworkKeys)}.
 */
public final class TeamsConfig {
  /**
   * Bot Framework's HTTP defaults: 10 s to connect, 30 s per call, 1 MB activities.
   */
  public static final HttpSettings DEFAULT_HTTP =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(30), 1024 * 1024);

  /** The issuer of every token Bot Framework sends to a bot. */
  public static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
  /** The token endpoint of multi-tenant bots. */
  public static final URI DEFAULT_TOKEN_URL =
      URI.create("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
  /** The scope of the tokens we ask for to send. */
  public static final String SCOPE = "https://api.botframework.com/.default";
  /** Teams' global service URL, used until a conversation's own is known. */
  public static final URI DEFAULT_SERVICE_URL = URI.create("https://smba.trafficmanager.net/teams/");

  private final Map<AccountId, TeamsBot> bots;
  private final BotFrameworkKeys keys;
  private final Clock clock;
  private final Duration clockSkew;
  private final String issuer;
  private final URI tokenUrl;
  private final URI defaultServiceUrl;
  private final ConversationReferences references;
  private final HttpSettings http;

  private TeamsConfig(Builder b) {
    this.bots = Map.copyOf(b.bots);
    this.keys = b.keys;
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.issuer = b.issuer;
    this.tokenUrl = b.tokenUrl;
    this.defaultServiceUrl = b.defaultServiceUrl;
    this.references = b.references == null ? ConversationReferences.inMemory(100_000) : b.references;
    this.http = b.http;
  }

  /**
   * A builder trusting {@code keys}, with Bot Framework's issuer and token endpoint, the system
   * clock, 5 minutes of clock skew and {@link #DEFAULT_HTTP}.
   */
  public static Builder builder(BotFrameworkKeys keys) {
    return new Builder(Objects.requireNonNull(keys, "keys"));
  }

  /** The bot of {@code account}, if one was configured. */
  public Optional<TeamsBot> bot(AccountId account) {
    return Optional.ofNullable(bots.get(account));
  }

  /** The keys inbound tokens must be signed with. */
  public BotFrameworkKeys keys() {
    return keys;
  }

  /** The clock tokens' {@code exp} and {@code nbf} and our token cache are judged by. */
  public Clock clock() {
    return clock;
  }

  /** How far a token's {@code exp} and {@code nbf} may be off our clock. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** The {@code iss} inbound tokens must carry. */
  public String issuer() {
    return issuer;
  }

  /** Where we ask for client-credentials tokens. */
  public URI tokenUrl() {
    return tokenUrl;
  }

  /** Where replies go when a conversation's {@code serviceUrl} is not remembered. */
  public URI defaultServiceUrl() {
    return defaultServiceUrl;
  }

  /** The conversations' remembered service URLs and last activities. */
  public ConversationReferences conversationReferences() {
    return references;
  }

  /** The HTTP client, timeouts and webhook size limit: {@link #DEFAULT_HTTP} unless changed. */
  public HttpSettings http() {
    return http;
  }

  /** Builds a {@link TeamsConfig}; values are validated as they are set. Not thread-safe. */
  public static final class Builder {
    private final Map<AccountId, TeamsBot> bots = new LinkedHashMap<>();
    private final BotFrameworkKeys keys;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofMinutes(5);
    private String issuer = BOT_FRAMEWORK_ISSUER;
    private URI tokenUrl = DEFAULT_TOKEN_URL;
    private URI defaultServiceUrl = DEFAULT_SERVICE_URL;
    private ConversationReferences references;
    private HttpSettings http = DEFAULT_HTTP;

    private Builder(BotFrameworkKeys keys) {
      this.keys = keys;
    }

    /**
     * The bot that serves {@code account}.
     *
     * @throws InvalidInputException if the app id is not a GUID, the password is blank, or the
     *     account already has a bot
     */
    public Builder bot(AccountId account, String appId, String appPassword) {
      Objects.requireNonNull(account, "account");
      if (bots.putIfAbsent(account, new TeamsBot(appId, appPassword)) != null) {
        throw new InvalidInputException("account " + account + " already has a Teams bot");
      }
      return this;
    }

    /** The clock; tests pass a manual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far token times may be off, 0 to 10 minutes. */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new InvalidInputException("clockSkew must be between 0 and 10 minutes, got " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /** The expected {@code iss}, for national clouds; Bot Framework's by default. */
    public Builder issuer(String issuer) {
      if (Objects.requireNonNull(issuer, "issuer").isBlank()) {
        throw new InvalidInputException("issuer must not be blank");
      }
      this.issuer = issuer;
      return this;
    }

    /**
     * The token endpoint, such as {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
     * for a single-tenant bot.
     *
     * @throws InvalidInputException if it is not https (http only on loopback)
     */
    public Builder tokenUrl(String url) {
      this.tokenUrl = SafeUrls.requireHttps(URI.create(Objects.requireNonNull(url, "url")), "tokenUrl");
      return this;
    }

    /**
     * Where replies go when a conversation's {@code serviceUrl} is unknown.
     *
     * @throws InvalidInputException if it is not https (http only on loopback)
     */
    public Builder defaultServiceUrl(String url) {
      this.defaultServiceUrl =
          SafeUrls.requireHttps(URI.create(Objects.requireNonNull(url, "url")), "defaultServiceUrl");
      return this;
    }

    /** Where conversations' references are remembered; in memory by default. */
    public Builder conversationReferences(ConversationReferences store) {
      this.references = Objects.requireNonNull(store, "store");
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
    public TeamsConfig build() {
      return new TeamsConfig(this);
    }
  }
}
