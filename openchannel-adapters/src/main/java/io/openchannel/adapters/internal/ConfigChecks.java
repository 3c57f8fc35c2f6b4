package io.openchannel.adapters.internal;

import io.openchannel.InvalidInputException;
import io.openchannel.adapters.HttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** The checks and defaults every connector's configuration shares. */
public final class ConfigChecks {
  private ConfigChecks() {}

  /**
   * @return {@code d}
   * @throws InvalidInputException if it is zero or negative
   */
  public static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new InvalidInputException(name + " must be positive, got " + d);
    }
    return d;
  }

  /**
   * @return {@code bytes}
   * @throws InvalidInputException if it is zero or negative
   */
  public static int positiveBytes(int bytes, String name) {
    if (bytes <= 0) {
      throw new InvalidInputException(name + " must be positive, got " + bytes);
    }
    return bytes;
  }

  /**
   * An API base URL from a config builder, without trailing slashes.
   *
   * @throws InvalidInputException if it is not an absolute http(s) URL without query or fragment
   */
  public static URI apiBaseUrl(String url, URI example) {
    URI uri = URI.create(Objects.requireNonNull(url, "url").replaceAll("/+$", ""));
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw new InvalidInputException("apiBaseUrl must be an absolute http(s) URL such as "
          + example + ", got " + url);
    }
    return uri;
  }

  /**
   * The client a connector uses when the host gives none: HTTP/1.1 (every platform speaks it, and
   * plain-http fakes in tests see no h2c upgrade) and no redirects, which would carry the
   * platform token to wherever the redirect points.
   */
  public static HttpClient defaultHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The host's client in {@code http}, else {@link #defaultHttpClient} with its connect timeout. */
  public static HttpClient client(HttpSettings http) {
    return http.client().orElseGet(() -> defaultHttpClient(http.connectTimeout()));
  }
}
