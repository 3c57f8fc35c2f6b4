package io.openchannel.adapters.jdbc;

import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import io.openchannel.query.Criterion;
import io.openchannel.query.SearchText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An advanced-search {@link Criterion} as a SQL condition on {@code oc_interaction i}, with the
 * meaning {@link io.openchannel.spi.store.InteractionRepository#query} gives it: single-valued
 * fields compare their column; tags, identifiers and message texts hold when some row does
 * ({@code NOT_EQUALS}: when none does); text fields compare the normalised columns with
 * normalised values. Fields with a few possible values (status, read, visibility, origin, last
 * message direction) are decided in Java for each possible value, which cannot drift from the
 * rule.
 */
final class Predicates {
  /** The start of an EXISTS on the interaction's tags, alias {@code t}; close it with ")". */
  static final String TAG = "EXISTS (SELECT 1 FROM oc_interaction_tag t WHERE t.interaction_id = i.id";

  /** SQL and its parameters. */
  record Sql(String sql, List<Object> params) {}

  private Predicates() {}

  static Sql of(Criterion c) {
    return switch (c.field()) {
      case STATUS -> finite(c, "i.status", names(InteractionStatus.values()), false);
      case READ -> read(c);
      case VISIBILITY -> finite(c, "i.visibility", names(Visibility.values()), false);
      case ORIGIN -> finite(c, "i.origin", names(Direction.values()), false);
      case LAST_MESSAGE_DIRECTION -> finite(c, "i.last_direction", names(Direction.values()), true);
      case ACCOUNT -> one(c, "i.account_id", false);
      case CONTACT -> one(c, "i.contact_id", false);
      case AGENT -> one(c, "i.first_agent", false);
      case OWNER -> one(c, "i.owner_agent", false);
      case DISPOSITION -> one(c, "i.disposition", false);
      case STARTED_AT -> time(c, "i.started_at");
      case CLOSED_AT -> time(c, "i.closed_at");
      case LAST_MESSAGE_AT -> time(c, "i.last_message_at");
      case TAG -> many(c, "SELECT 1 FROM oc_interaction_tag t WHERE t.interaction_id = i.id",
          "t.tag", false);
      case CONTACT_NAME -> exists("SELECT 1 FROM oc_contact c WHERE c.id = i.contact_id AND ",
          one(c, "c.name_norm", true));
      case CONTACT_IDENTIFIER -> many(c,
          "SELECT 1 FROM oc_contact_identity x WHERE x.contact_id = i.contact_id",
          "x.external_norm", true);
      case MESSAGE_TEXT -> many(c, "SELECT 1 FROM oc_message m WHERE m.interaction_id = i.id "
          + "AND m.body_norm IS NOT NULL", "m.body_norm", true);
    };
  }

  /** A single-valued column (NULL: no value). */
  private static Sql one(Criterion c, String column, boolean text) {
    List<Object> values = values(c, text);
    return switch (c.operator()) {
      case PRESENT -> new Sql(column + " IS NOT NULL", List.of());
      case ABSENT -> new Sql(column + " IS NULL", List.of());
      case EQUALS, IN -> new Sql(column + " IN " + ViewQuery.marks(values.size()), values);
      case NOT_EQUALS -> new Sql("(" + column + " IS NULL OR " + column + " NOT IN "
          + ViewQuery.marks(values.size()) + ")", values);
      case CONTAINS -> like(column, "%" + SearchWords.escape((String) values.get(0)) + "%");
      case STARTS_WITH -> like(column, SearchWords.escape((String) values.get(0)) + "%");
      case BEFORE, AFTER -> throw new IllegalStateException("not a time field: " + c);
    };
  }

  /** Zero or more rows, each with one value in {@code column}: some row matches, or none. */
  private static Sql many(Criterion c, String rows, String column, boolean text) {
    return switch (c.operator()) {
      case PRESENT -> new Sql("EXISTS (" + rows + ")", List.of());
      case ABSENT -> new Sql("NOT EXISTS (" + rows + ")", List.of());
      case NOT_EQUALS -> {
        List<Object> values = values(c, text);
        yield new Sql("NOT EXISTS (" + rows + " AND " + column + " IN "
            + ViewQuery.marks(values.size()) + ")", values);
      }
      default -> exists(rows + " AND ", one(c, column, text));
    };
  }

  private static Sql exists(String rowsAnd, Sql condition) {
    return new Sql("EXISTS (" + rowsAnd + condition.sql() + ")", condition.params());
  }

  private static Sql like(String column, String pattern) {
    return new Sql(column + " LIKE ? ESCAPE '!'", List.of(pattern));
  }

  private static Sql time(Criterion c, String column) {
    return switch (c.operator()) {
      case PRESENT -> new Sql(column + " IS NOT NULL", List.of());
      case ABSENT -> new Sql(column + " IS NULL", List.of());
      case BEFORE -> new Sql(column + " < ?", List.of(io.openchannel.adapters.jdbc.Sql.nanos(
          c.instant())));
      case AFTER -> new Sql(column + " >= ?", List.of(io.openchannel.adapters.jdbc.Sql.nanos(
          c.instant())));
      default -> throw new IllegalStateException("not a time operator: " + c);
    };
  }

  /** The read flag: decided for true and for false. */
  private static Sql read(Criterion c) {
    List<Object> holding = new ArrayList<>();
    for (boolean b : new boolean[] {true, false}) {
      if (holds(c, List.of(Boolean.toString(b)))) {
        holding.add(b);
      }
    }
    return holding.isEmpty() ? new Sql("1 = 0", List.of())
        : new Sql("i.is_read IN " + ViewQuery.marks(holding.size()), holding);
  }

  /** A column with a few possible values (and NULL when {@code nullable}): decided for each. */
  private static Sql finite(Criterion c, String column, List<String> domain, boolean nullable) {
    List<Object> holding = new ArrayList<>();
    for (String value : domain) {
      if (holds(c, List.of(value))) {
        holding.add(value);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!holding.isEmpty()) {
      parts.add(column + " IN " + ViewQuery.marks(holding.size()));
    }
    if (nullable && holds(c, List.of())) {
      parts.add(column + " IS NULL");
    }
    return parts.isEmpty() ? new Sql("1 = 0", List.of())
        : new Sql("(" + String.join(" OR ", parts) + ")", holding);
  }

  /** The rule for a field's values, exact (not text), as the repository's Javadoc gives it. */
  private static boolean holds(Criterion c, List<String> have) {
    List<String> wanted = c.values();
    return switch (c.operator()) {
      case PRESENT -> !have.isEmpty();
      case ABSENT -> have.isEmpty();
      case EQUALS, IN -> have.stream().anyMatch(wanted::contains);
      case NOT_EQUALS -> have.stream().noneMatch(wanted::contains);
      case CONTAINS -> have.stream().anyMatch(h -> h.contains(wanted.get(0)));
      case STARTS_WITH -> have.stream().anyMatch(h -> h.startsWith(wanted.get(0)));
      case BEFORE, AFTER -> throw new IllegalStateException("not a time field: " + c);
    };
  }

  private static List<Object> values(Criterion c, boolean text) {
    return new ArrayList<>(text ? c.values().stream().map(SearchText::normalize).toList()
        : c.values());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
