package io.openchannel.message;

import io.openchannel.internal.util.Checks;
import java.util.List;

/**
 * An approved message template (WhatsApp): the only kind of message a business may send outside
 * the 24-hour customer-service window.
 *
 * @param name the template's name as approved by the platform
 * @param language its language code, such as {@code en_US}
 * @param parameters the values of its body parameters, in order
 */
public record MessageTemplate(String name, String language, List<String> parameters) {
  /** Validates the template reference. */
  public MessageTemplate {
    name = Checks.identifier(name, "template name", 512);
    language = Checks.identifier(language, "template language", 16);
    parameters = List.copyOf(Checks.notNull(parameters, "parameters"));
    parameters.forEach(p -> Checks.text(p, "template parameter", false));
  }

  /** A template with these parameters. */
  public static MessageTemplate of(String name, String language, String... parameters) {
    return new MessageTemplate(name, language, List.of(parameters));
  }

  /** How agents and transcripts show it: {@code [template order_update/en] 42, Friday}. */
  public String preview() {
    return "[template " + name + "/" + language + "]"
        + (parameters.isEmpty() ? "" : " " + String.join(", ", parameters));
  }
}
