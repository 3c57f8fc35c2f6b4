package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Meta's ids: strings in current payloads, numbers in some older ones. Numbers are read exactly
 * (a PSID does not fit a double), blank and other values are no id.
 */
final class Ids {
  private Ids() {}

  static Optional<String> of(JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank() && node.asText().length() <= 400
        && node.asText().chars().noneMatch(Character::isISOControl)) {
      return Optional.of(node.asText().strip());
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.bigIntegerValue().toString());
    }
    return Optional.empty();
  }
}
