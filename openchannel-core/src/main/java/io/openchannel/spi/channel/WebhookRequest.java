package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request a channel sent to the host's webhook endpoint, handed over untouched: the raw
 * body matters because signatures are computed over its exact bytes.
 *
 * @param method the HTTP method, upper case
 * @param path the request path
 * @param query query parameters (first value of each)
 * @param headers headers, names compared without regard to case
 * @param body the raw body
 */
public record WebhookRequest(
    String method, String path, Map<String, String> query, Map<String, List<String>> headers,
    byte[] body) {
  /** Validates and copies the request. */
  public WebhookRequest {
    method = Checks.identifier(method, "method", 16).toUpperCase(Locale.ROOT);
    Checks.notNull(path, "path");
    Checks.notNull(query, "query");
    Checks.notNull(headers, "headers");
    Checks.notNull(body, "body");
    query = Map.copyOf(query);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    headers = Collections.unmodifiableMap(h);
    body = body.clone();
  }

  /** A POST with a JSON body. */
  public static WebhookRequest postJson(String path, Map<String, String> headers, String json) {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    h.putIfAbsent("Content-Type", List.of("application/json"));
    return new WebhookRequest("POST", path, Map.of(), h, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The raw body (a copy: the record stays immutable). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest r && method.equals(r.method) && path.equals(r.path)
        && query.equals(r.query) && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(method, path, query, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + body.length + " bytes)";
  }
}
