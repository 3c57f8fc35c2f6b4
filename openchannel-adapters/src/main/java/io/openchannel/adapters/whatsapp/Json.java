package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/** Readers for the webhook's JSON that say what was missing, and where. Stateless. */
final class Json {
  private Json() {}

  /** A non-blank string or number field, as text (ids may exceed a long: never via a double). */
  static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      return Optional.empty();
    }
    String text = value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** A required field, or an {@link InvalidInputException} naming it. */
  static String required(JsonNode node, String field, String where) {
    return optional(node, field).orElseThrow(() -> new InvalidInputException(
        "WhatsApp " + where + " lacks its \"" + field + "\""));
  }

  /** An object field, or a missing node (so {@code path} chains keep working). */
  static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isObject() ? value : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** Meta's timestamps are unix seconds, as a string (sometimes as a number). */
  static Instant seconds(JsonNode node, String where) {
    String raw = required(node, "timestamp", where);
    try {
      return Instant.ofEpochSecond(Long.parseLong(raw.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new InvalidInputException("WhatsApp " + where + " has timestamp \"" + raw
          + "\", expected unix seconds");
    }
  }
}
