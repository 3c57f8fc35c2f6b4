package io.openchannel.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-credentials tokens for sending, one per bot, kept until shortly before they expire.
 * Concurrent senders of one bot wait for a single token request instead of each asking.
 * Thread-safe.
 */
final class AccessTokens {
  /** Renew this long before expiry, so a token never dies on the way to the service. */
  static final Duration MARGIN = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A token the token endpoint refused: the status and its error code, for the agent's reason. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private record Token(String value, Instant renewAt) {}

  private final HttpClient http;
  private final TeamsConfig config;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  AccessTokens(HttpClient http, TeamsConfig config) {
    this.http = http;
    this.config = config;
  }

  /** A valid token for {@code bot}, from the cache or freshly requested. */
  String token(TeamsBot bot) throws IOException, InterruptedException {
    Token cached = tokens.get(bot.appId());
    if (cached != null && config.clock().instant().isBefore(cached.renewAt())) {
      return cached.value();
    }
    synchronized (locks.computeIfAbsent(bot.appId(), k -> new Object())) {
      cached = tokens.get(bot.appId());
      if (cached != null && config.clock().instant().isBefore(cached.renewAt())) {
        return cached.value(); // another sender renewed it while we waited
      }
      Token fresh = request(bot);
      tokens.put(bot.appId(), fresh);
      return fresh.value();
    }
  }

  /** Forgets {@code token} (the service answered 401), unless another thread already renewed it. */
  void invalidate(TeamsBot bot, String token) {
    tokens.computeIfPresent(bot.appId(), (k, t) -> t.value().equals(token) ? null : t);
  }

  private Token request(TeamsBot bot) throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + enc(bot.appId())
        + "&client_secret=" + enc(bot.appPassword()) + "&scope=" + enc(TeamsConfig.SCOPE);
    HttpRequest request = HttpRequest.newBuilder(config.tokenUrl()).timeout(config.http().requestTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    Instant askedAt = config.clock().instant();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = JSON.missingNode();
    }
    if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
      String error = body.path("error").asText("");
      throw new Refused(response.statusCode(), "the token endpoint answered " + response.statusCode()
          + (error.isEmpty() ? "" : " " + error) + " for bot " + bot.appId()
          + (response.statusCode() == 400 || response.statusCode() == 401
              ? " (check the app id, password and tokenUrl)" : ""));
    }
    long seconds = body.path("expires_in").asLong(3600);
    Duration life = Duration.ofSeconds(Math.max(0, seconds));
    // Short-lived tokens are renewed at half-life rather than never being cached at all.
    Duration keep = life.compareTo(MARGIN.multipliedBy(2)) > 0 ? life.minus(MARGIN) : life.dividedBy(2);
    return new Token(body.get("access_token").asText(), askedAt.plus(keep));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
