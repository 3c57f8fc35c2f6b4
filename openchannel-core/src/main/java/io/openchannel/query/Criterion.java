package io.openchannel.query;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import io.openchannel.interaction.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One condition of an {@link AdvancedSearch}: a field, an operator that fits it, and its values.
 * Values are checked and put in canonical form when the criterion is made: enum names upper
 * case, booleans {@code true}/{@code false}, instants as {@link Instant#toString()}, tags
 * trimmed, text as typed (compared normalised). Immutable.
 *
 * @param field the field
 * @param operator what to check; must be one of {@code field.operators()}
 * @param values the values, as many as the operator takes ({@link Operator#arity()})
 */
public record Criterion(SearchField field, Operator operator, List<String> values) {
  /** The longest value accepted, in UTF-16 units. */
  public static final int MAX_VALUE_LENGTH = 256;

  /**
   * Validates the criterion and canonicalises its values.
   *
   * @throws InvalidInputException if the operator does not fit the field (naming those that
   *     do), the number of values is wrong, or a value is malformed
   */
  public Criterion {
    Checks.notNull(field, "field");
    Checks.notNull(operator, "operator");
    Checks.notNull(values, "values");
    if (!field.operators().contains(operator)) {
      throw new InvalidInputException("operator " + operator + " does not fit field "
          + field.wireName() + "; it takes " + field.operators().stream().map(Enum::name)
          .collect(Collectors.joining(", ")));
    }
    int arity = operator.arity();
    if (arity >= 0 ? values.size() != arity : values.isEmpty()) {
      throw new InvalidInputException(field.wireName() + " " + operator + " takes "
          + (arity == 0 ? "no value" : arity == 1 ? "exactly one value" : "one value or more")
          + ", got " + values.size());
    }
    List<String> canonical = new ArrayList<>(values.size());
    for (String v : values) {
      canonical.add(canonical(field, Checks.notNull(v, field.wireName() + " value")));
    }
    values = List.copyOf(canonical);
  }

  /** The criterion with these values (see the record's rules). */
  public static Criterion of(SearchField field, Operator operator, String... values) {
    return new Criterion(field, operator, Arrays.asList(values));
  }

  /**
   * The criterion from a form's strings: the field's wire name, the operator's name (any case)
   * and the values.
   *
   * @throws InvalidInputException naming the valid fields or operators if one is unknown
   */
  public static Criterion of(String field, String operator, String... values) {
    SearchField f = SearchField.of(field);
    Operator op = null;
    for (Operator o : Operator.values()) {
      if (o.name().equalsIgnoreCase(Checks.notNull(operator, "operator").strip())) {
        op = o;
      }
    }
    if (op == null) {
      throw new InvalidInputException("unknown operator " + Checks.quote(operator) + " for field "
          + f.wireName() + "; it takes " + f.operators().stream().map(Enum::name)
          .collect(Collectors.joining(", ")));
    }
    return new Criterion(f, op, Arrays.asList(values));
  }

  /** The single value as an instant; for {@code BEFORE} and {@code AFTER}. */
  public Instant instant() {
    return Instant.parse(values.get(0));
  }

  private static String canonical(SearchField field, String value) {
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH) {
      throw new InvalidInputException(field.wireName() + " values must be 1 to " + MAX_VALUE_LENGTH
          + " characters, not " + Checks.quote(value));
    }
    switch (field.kind()) {
      case ENUM, OPTIONAL_ENUM -> {
        String upper = v.toUpperCase(Locale.ROOT);
        if (!field.constants().contains(upper)) {
          throw new InvalidInputException(field.wireName() + " cannot be " + Checks.quote(value)
              + "; it is one of " + String.join(", ", field.constants()));
        }
        return upper;
      }
      case BOOLEAN -> {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new InvalidInputException(field.wireName() + " is true or false, not "
              + Checks.quote(value));
        }
        return v.toLowerCase(Locale.ROOT);
      }
      case TIME, OPTIONAL_TIME -> {
        try {
          return Instant.parse(v).toString();
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(field.wireName() + " takes an ISO-8601 instant such as "
              + "2026-01-31T09:00:00Z, not " + Checks.quote(value), e);
        }
      }
      case TAGS -> {
        return Tag.of(v).name();
      }
      case ID, OPTIONAL_ID -> {
        return Checks.identifier(v, field.wireName(), 128);
      }
      default -> {
        return Checks.text(v, field.wireName() + " value", false);
      }
    }
  }
}
