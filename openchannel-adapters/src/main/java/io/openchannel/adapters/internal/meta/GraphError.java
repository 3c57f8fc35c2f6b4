package io.openchannel.adapters.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A Graph API error object: {@code {"error":{"message","type","code","error_subcode",
 * "error_user_msg","is_transient","fbtrace_id"}}}. Fields Meta leaves out are 0, empty or false.
 *
 * @param code the error code
 * @param subcode the error subcode, 0 if none
 * @param message the platform's message
 * @param type the exception type ({@code OAuthException}...)
 * @param userMessage the message meant for people, if any
 * @param isTransient whether Meta marked it transient
 * @param traceId Meta's {@code fbtrace_id}, for support requests
 */
public record GraphError(int code, int subcode, String message, String type,
    Optional<String> userMessage, boolean isTransient, Optional<String> traceId) {

  /** The error of a Graph answer's body, if it carries one. */
  public static Optional<GraphError> from(JsonNode body) {
    JsonNode e = body.path("error");
    if (!e.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new GraphError(e.path("code").asInt(0), e.path("error_subcode").asInt(0),
        e.path("message").asText("").strip(), e.path("type").asText(""),
        text(e.path("error_user_msg")), e.path("is_transient").asBoolean(false),
        text(e.path("fbtrace_id"))));
  }

  /** "Graph error 10/2018278: message", for reasons shown to agents. */
  public String describe() {
    return "Graph error " + code + (subcode == 0 ? "" : "/" + subcode)
        + (message.isEmpty() ? "" : ": " + message);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip())
        : Optional.empty();
  }
}
