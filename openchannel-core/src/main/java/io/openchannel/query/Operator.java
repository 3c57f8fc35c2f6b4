package io.openchannel.query;

/**
 * What a {@link Criterion} checks. Which operators a field accepts depends on its kind (see
 * {@link SearchField}); text is compared after {@link SearchText#normalize normalising} both
 * sides, so case and accents never matter.
 */
public enum Operator {
  /** Equal to the single value (a tag: has it). */
  EQUALS(1),
  /** Not equal to the single value; an absent value counts as not equal (a tag: lacks it). */
  NOT_EQUALS(1),
  /** The text holds the value anywhere (a substring of the normalised text). */
  CONTAINS(1),
  /** The text starts with the value. */
  STARTS_WITH(1),
  /** The time is strictly before the value (an ISO-8601 instant); an absent time never is. */
  BEFORE(1),
  /** The time is at or after the value (an ISO-8601 instant); an absent time never is. */
  AFTER(1),
  /** Equal to one of the values (at least one value); a tag: has one of them. */
  IN(-1),
  /** The field has a value (a tag: at least one tag). Takes no value. */
  PRESENT(0),
  /** The field has no value (a tag: no tag at all). Takes no value. */
  ABSENT(0);

  private final int arity;

  Operator(int arity) {
    this.arity = arity;
  }

  /** How many values it takes: 0, 1, or -1 for one or more. */
  public int arity() {
    return arity;
  }
}
