package io.openchannel.adapters.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.adapters.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small Graph API client: JSON and multipart {@code POST}s and JSON {@code GET}s to
 * {@code <base>/<version>/<path>} with an access token as {@code Authorization: Bearer}, and
 * media downloads. HTTP errors come back as {@link GraphResponse}s for {@link GraphErrors} to
 * classify; only network failures throw, and their messages never hold the token. Thread-safe.
 */
public final class GraphApi {
  /** Meta's public Graph API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");
  /** The Graph API version used unless the host pins another. */
  public static final String DEFAULT_VERSION = "v24.0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,2}");

  private final HttpClient http;
  private final URI base;
  private final String version;
  private final Duration timeout;

  /**
   * A client for {@code base} (no trailing slash) and {@code version} ("v24.0").
   *
   * @param timeout how long one call or download may take
   */
  public GraphApi(HttpClient http, URI base, String version, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = checkBaseUrl(base.toString());
    this.version = checkVersion(version);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** An HTTP/1.1 client (Meta speaks it, and plain-http fakes see no h2c upgrade). */
  public static HttpClient defaultClient(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** The host's client in {@code http}, else {@link #defaultClient} with its connect timeout. */
  public static HttpClient client(HttpSettings http) {
    return http.client().orElseGet(() -> defaultClient(http.connectTimeout()));
  }

  /**
   * Validates a base URL for configs: absolute http(s), no query or fragment.
   *
   * @throws InvalidInputException if it is not
   */
  public static URI checkBaseUrl(String url) {
    URI uri;
    try {
      uri = URI.create(Objects.requireNonNull(url, "url").replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new InvalidInputException("the Graph API base URL must be an absolute http(s) URL such as "
          + DEFAULT_BASE_URL + ", got " + url);
    }
    return uri;
  }

  /**
   * Validates a Graph API version for configs.
   *
   * @throws InvalidInputException unless it looks like {@code v24.0}
   */
  public static String checkVersion(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new InvalidInputException("the Graph API version must look like " + DEFAULT_VERSION
          + ", got " + version);
    }
    return version;
  }

  /** {@code POST <path>} with a JSON body; {@code path} segments are ids and edge names. */
  public GraphResponse postJson(String token, JsonNode body, String... path)
      throws IOException, InterruptedException {
    return call(request(token, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build());
  }

  /** {@code POST <path>} with a multipart body (an upload). */
  public GraphResponse postMultipart(String token, MultipartForm form, String... path)
      throws IOException, InterruptedException {
    return call(request(token, path).header("Content-Type", form.contentType())
        .POST(form.publisher()).build());
  }

  /** {@code GET <path>} (a media id's metadata, an object's fields). */
  public GraphResponse get(String token, String... path) throws IOException, InterruptedException {
    return call(request(token, path).GET().build());
  }

  /** {@code GET <path>?fields=<fields>}: only the fields asked for, as Graph wants it. */
  public GraphResponse getFields(String token, String fields, String... path)
      throws IOException, InterruptedException {
    URI withQuery = URI.create(url(path) + "?fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8));
    return call(authorized(token, withQuery).GET().build());
  }

  /**
   * Opens a download lazily: nothing is fetched until the supplier is called. The token goes
   * along only when given (WhatsApp media need it; Messenger's CDN URLs are signed already).
   * The supplier throws {@link UncheckedIOException} for a non-200 answer or a network failure.
   */
  public Supplier<InputStream> download(URI url, Optional<String> token) {
    return () -> {
      HttpRequest.Builder get = HttpRequest.newBuilder(url).timeout(timeout).GET();
      token.ifPresent(t -> get.header("Authorization", "Bearer " + t));
      try {
        HttpResponse<InputStream> response = send(get.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("media download from " + url.getHost() + " answered HTTP "
              + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while downloading media", e));
      }
    };
  }

  private HttpRequest.Builder request(String token, String... path) {
    return authorized(token, URI.create(url(path)));
  }

  private String url(String... path) {
    return base + "/" + version + "/" + Arrays.stream(path)
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  private HttpRequest.Builder authorized(String token, URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private GraphResponse call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null; // an HTML error page: the status alone decides
    }
    return new GraphResponse(response.statusCode(), response.headers(),
        json == null ? JSON.missingNode() : json);
  }

  /** Sends, naming the JDK's exception type but not its message, which may quote the request. */
  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      // The path holds customers' ids: name only the host, and keep the trace without the cause.
      IOException safe = new IOException(e.getClass().getSimpleName() + " calling "
          + request.uri().getHost());
      safe.setStackTrace(e.getStackTrace());
      throw safe;
    }
  }
}
