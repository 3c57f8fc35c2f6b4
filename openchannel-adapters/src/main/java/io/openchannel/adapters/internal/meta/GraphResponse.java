package io.openchannel.adapters.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What the Graph API answered: the HTTP status, the headers (for {@code Retry-After} and the
 * usage headers) and the parsed body, a missing node when it was not JSON (a proxy's error page).
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the parsed body
 */
public record GraphResponse(int status, HttpHeaders headers, JsonNode body) {
  /** Whether the call succeeded: a 2xx without an {@code error} object. */
  public boolean ok() {
    return status >= 200 && status < 300 && !body.has("error");
  }

  /** The Graph error in the body, if there is one. */
  public Optional<GraphError> error() {
    return GraphError.from(body);
  }
}
