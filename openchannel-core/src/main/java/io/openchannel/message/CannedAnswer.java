package io.openchannel.message;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prepared answer agents send with one click (S10). Its text may hold variables such as
 * {@code {{contact.first_name}}} or {@code {{agent.name}}}; {@link #VARIABLES} lists them all. The
 * template is checked when the answer is created, so an unknown variable never reaches a customer.
 *
 * @param id the answer's id
 * @param name the label agents pick it by
 * @param template the text with variables
 */
public record CannedAnswer(CannedAnswerId id, String name, String template) {
  /** Every variable a template may use. A variable without a value renders as empty text. */
  public static final List<String> VARIABLES = List.of(
      "contact.first_name", "contact.last_name", "contact.name", "contact.email", "contact.phone",
      "agent.name", "account.name");

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  /**
   * Validates the answer.
   *
   * @throws InvalidInputException if the template is blank, has an unclosed {@code {{} or
   *     names an unknown variable; the message lists the known ones
   */
  public CannedAnswer {
    Checks.notNull(id, "id");
    name = Checks.name(name, "name", 200);
    Checks.notNull(template, "template");
    Checks.check(!template.isBlank(), "canned answer " + id + " has a blank template");
    String rest = VARIABLE.matcher(template).replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      throw new InvalidInputException("canned answer " + id + ": unbalanced {{ }} in "
          + Checks.quote(template) + "; write variables as {{contact.first_name}}");
    }
    for (String variable : variables(template)) {
      if (!VARIABLES.contains(variable)) {
        throw new InvalidInputException("canned answer " + id + ": unknown variable {{" + variable
            + "}}; known variables: " + String.join(", ", VARIABLES));
      }
    }
  }

  /** Same as the constructor, with the id as text. */
  public static CannedAnswer of(String id, String name, String template) {
    return new CannedAnswer(CannedAnswerId.of(id), name, template);
  }

  /** The variables the template uses, in order of appearance. */
  public static List<String> variables(String template) {
    List<String> found = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /**
   * The text with each variable replaced by its value; a variable missing from {@code values}
   * renders as empty text.
   */
  public String render(Map<String, String> values) {
    Checks.notNull(values, "values");
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 32);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
