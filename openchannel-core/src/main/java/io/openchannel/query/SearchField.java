package io.openchannel.query;

import static io.openchannel.query.Operator.ABSENT;
import static io.openchannel.query.Operator.AFTER;
import static io.openchannel.query.Operator.BEFORE;
import static io.openchannel.query.Operator.CONTAINS;
import static io.openchannel.query.Operator.EQUALS;
import static io.openchannel.query.Operator.IN;
import static io.openchannel.query.Operator.NOT_EQUALS;
import static io.openchannel.query.Operator.PRESENT;
import static io.openchannel.query.Operator.STARTS_WITH;

import io.openchannel.InvalidInputException;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields advanced search can look at, each with the operators that fit it. A field is named
 * in a {@link Criterion} by its {@link #wireName()} (what a host's search form sends).
 *
 * <p>Values: enums by constant name ({@code OPEN}), booleans {@code true}/{@code false}, times
 * as ISO-8601 instants ({@code 2026-01-31T00:00:00Z}), ids and tags as they are, text as typed.
 */
public enum SearchField {
  /** {@code status}: {@code OPEN} or {@code CLOSED}. */
  STATUS("status", Kind.ENUM),
  /** {@code read}: whether an agent read the latest inbound message. */
  READ("read", Kind.BOOLEAN),
  /** {@code account}: the account id. */
  ACCOUNT("account", Kind.ID),
  /** {@code agent}: the first agent who managed it (S17); absent while nobody has. */
  AGENT("agent", Kind.OPTIONAL_ID),
  /** {@code owner}: the agent who handles it now; absent when nobody does. */
  OWNER("owner", Kind.OPTIONAL_ID),
  /** {@code tag}: its tags; {@code EQUALS} means "has the tag". */
  TAG("tag", Kind.TAGS),
  /** {@code disposition}: the disposition id picked at close; absent when none. */
  DISPOSITION("disposition", Kind.OPTIONAL_ID),
  /** {@code visibility}: {@code PRIVATE} or {@code PUBLIC} (S23). */
  VISIBILITY("visibility", Kind.ENUM),
  /** {@code origin}: {@code IN} when the customer opened it, {@code OUT} when an agent did. */
  ORIGIN("origin", Kind.ENUM),
  /** {@code startedAt}: when it was opened. */
  STARTED_AT("startedAt", Kind.TIME),
  /** {@code closedAt}: when it was closed; absent while open. */
  CLOSED_AT("closedAt", Kind.OPTIONAL_TIME),
  /** {@code lastMessageAt}: the time of the view's last message; absent when there is none. */
  LAST_MESSAGE_AT("lastMessageAt", Kind.OPTIONAL_TIME),
  /** {@code lastMessageDirection}: {@code IN} or {@code OUT}; absent when there is none. */
  LAST_MESSAGE_DIRECTION("lastMessageDirection", Kind.OPTIONAL_ENUM),
  /** {@code contact}: the contact id. */
  CONTACT("contact", Kind.ID),
  /**
   * {@code contactName}: the contact's first and last name joined by a space (whichever are
   * known); absent when neither is.
   */
  CONTACT_NAME("contactName", Kind.TEXT),
  /** {@code contactIdentifier}: the external ids of the contact's channel identities. */
  CONTACT_IDENTIFIER("contactIdentifier", Kind.TEXTS),
  /** {@code messageText}: the text of its messages, internal notes included, auto-replies not. */
  MESSAGE_TEXT("messageText", Kind.TEXTS);

  /** What kind of value a field holds, which decides its operators. */
  public enum Kind {
    /** One of an enum's constants. */
    ENUM(EQUALS, NOT_EQUALS, IN),
    /** An enum constant or nothing. */
    OPTIONAL_ENUM(EQUALS, NOT_EQUALS, IN, PRESENT, ABSENT),
    /** {@code true} or {@code false}. */
    BOOLEAN(EQUALS, NOT_EQUALS),
    /** An id. */
    ID(EQUALS, NOT_EQUALS, IN),
    /** An id or nothing. */
    OPTIONAL_ID(EQUALS, NOT_EQUALS, IN, PRESENT, ABSENT),
    /** A set of tags. */
    TAGS(EQUALS, NOT_EQUALS, IN, PRESENT, ABSENT),
    /** An instant. */
    TIME(BEFORE, AFTER),
    /** An instant or nothing. */
    OPTIONAL_TIME(BEFORE, AFTER, PRESENT, ABSENT),
    /** A text or nothing. */
    TEXT(EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, PRESENT, ABSENT),
    /**
     * Several texts: a positive operator holds when one of them matches, {@code NOT_EQUALS}
     * when none is equal; {@code PRESENT} when there is at least one.
     */
    TEXTS(EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, PRESENT, ABSENT);

    private final Set<Operator> operators;

    Kind(Operator first, Operator... rest) {
      this.operators = EnumSet.of(first, rest);
    }

    /** The operators that fit this kind of field. */
    public Set<Operator> operators() {
      return operators;
    }
  }

  private final String wireName;
  private final Kind kind;

  SearchField(String wireName, Kind kind) {
    this.wireName = wireName;
    this.kind = kind;
  }

  /** The name a criterion uses for the field, e.g. {@code "contactName"}. */
  public String wireName() {
    return wireName;
  }

  /** The kind of value the field holds. */
  public Kind kind() {
    return kind;
  }

  /** The operators that fit the field. */
  public Set<Operator> operators() {
    return kind.operators();
  }

  /** The enum constants a field of kind ENUM or OPTIONAL_ENUM accepts; empty for others. */
  Set<String> constants() {
    Class<? extends Enum<?>> type = switch (this) {
      case STATUS -> InteractionStatus.class;
      case VISIBILITY -> Visibility.class;
      case ORIGIN, LAST_MESSAGE_DIRECTION -> Direction.class;
      default -> null;
    };
    if (type == null) {
      return Set.of();
    }
    return Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /**
   * The field named {@code wireName} (its wire name, or the constant's name in any case).
   *
   * @throws InvalidInputException naming the valid fields if there is none
   */
  public static SearchField of(String wireName) {
    if (wireName != null) {
      for (SearchField f : values()) {
        if (f.wireName.equals(wireName) || f.name().equalsIgnoreCase(wireName)) {
          return f;
        }
      }
    }
    throw new InvalidInputException("unknown search field " + (wireName == null ? "null"
        : io.openchannel.internal.util.Checks.quote(wireName)) + "; valid fields are "
        + Arrays.stream(values()).map(SearchField::wireName).collect(Collectors.joining(", ")));
  }
}
