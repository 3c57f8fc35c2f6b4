package io.openchannel.adapters.teams;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.openchannel.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Downloads Bot Framework's signing keys for production hosts: reads the OpenID configuration,
 * follows its {@code jwks_uri} and returns the key set document. The connector never calls it by
 * itself; the host decides when (at start and, say, daily) and hands the result to
 * {@link BotFrameworkKeys#replace(String)}. Both URLs must be https (plain http only on loopback,
 * for tests), redirects are not followed and documents over 1 MB are refused. Thread-safe.
 */
public final class BotFrameworkKeyFetcher {
  /** Bot Framework's public OpenID configuration. */
  public static final URI DEFAULT_CONFIGURATION_URL =
      URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");

  private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

  private final HttpClient http;
  private final URI configurationUrl;
  private final Duration timeout;

  /**
   * A fetcher for {@code configurationUrl} through {@code http}.
   *
   * @throws InvalidInputException if the URL is neither https nor http on loopback
   */
  public BotFrameworkKeyFetcher(HttpClient http, URI configurationUrl, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.configurationUrl = SafeUrls.requireHttps(configurationUrl, "configurationUrl");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** A fetcher for Bot Framework's public configuration with a 10-second timeout. */
  public static BotFrameworkKeyFetcher botFramework() {
    return new BotFrameworkKeyFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build(), DEFAULT_CONFIGURATION_URL,
        Duration.ofSeconds(10));
  }

  /**
   * The current key set document, ready for {@link BotFrameworkKeys#parse} or {@code replace}.
   *
   * @throws IOException if a document cannot be fetched, is not 200, too large or not what it
   *     should be
   */
  public String fetchJwkSet() throws IOException, InterruptedException {
    String configuration = get(configurationUrl);
    URI jwksUri;
    try {
      Map<String, Object> json = JSONObjectUtils.parse(configuration);
      String value = JSONObjectUtils.getString(json, "jwks_uri");
      if (value == null) {
        throw new IOException("the OpenID configuration at " + configurationUrl + " has no jwks_uri");
      }
      jwksUri = SafeUrls.requireHttps(URI.create(value), "jwks_uri");
    } catch (ParseException | IllegalArgumentException | InvalidInputException e) {
      throw new IOException("the OpenID configuration at " + configurationUrl + " is unusable: "
          + e.getMessage(), e);
    }
    String keys = get(jwksUri);
    try {
      BotFrameworkKeys.parse(keys); // refuse a useless document here rather than at replace()
    } catch (InvalidInputException e) {
      throw new IOException("the key set at " + jwksUri + " is unusable: " + e.getMessage(), e);
    }
    return keys;
  }

  private String get(URI url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Accept", "application/json").GET().build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("GET " + url + " answered " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
      if (bytes.length > MAX_DOCUMENT_BYTES) {
        throw new IOException("GET " + url + " returned more than " + MAX_DOCUMENT_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
