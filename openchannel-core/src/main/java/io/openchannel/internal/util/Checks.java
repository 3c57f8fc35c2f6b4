package io.openchannel.internal.util;

import io.openchannel.InvalidInputException;
import java.util.Objects;

/** Argument checks shared by records and the engine; each failure names the argument and the fix. */
public final class Checks {
  private Checks() {}

  /** Like {@link Objects#requireNonNull} but throws {@link InvalidInputException}. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new InvalidInputException(name + " must not be null");
    }
    return value;
  }

  /** A non-null, non-blank string of at most {@code maxLength} UTF-16 units, without control characters. */
  public static String identifier(String value, String name, int maxLength) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new InvalidInputException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(
          name + " is " + value.length() + " characters long; at most " + maxLength + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(name + " must not contain control characters: " + quote(value));
      }
    }
    return value;
  }

  /** Trims and checks a human-readable name. */
  public static String name(String value, String name, int maxLength) {
    return identifier(notNull(value, name).strip(), name, maxLength);
  }

  /** The longest message text accepted, in UTF-16 units; channels have lower limits of their own. */
  public static final int MAX_TEXT_LENGTH = 65_536;

  /**
   * Message text: not null, at most {@link #MAX_TEXT_LENGTH} units, well-formed UTF-16 (a lone
   * surrogate cannot be stored byte-exact in UTF-8), and not blank unless {@code blankAllowed}.
   * Returned unchanged: text is stored exactly as given.
   */
  public static String text(String value, String name, boolean blankAllowed) {
    notNull(value, name);
    if (!blankAllowed && value.isBlank()) {
      throw new InvalidInputException(name + " must not be blank; write something or attach a file");
    }
    if (value.length() > MAX_TEXT_LENGTH) {
      throw new InvalidInputException(name + " is " + value.length() + " characters long; at most "
          + MAX_TEXT_LENGTH + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(name + " holds a lone surrogate at index " + i
            + "; it is not valid Unicode text");
      }
    }
    return value;
  }

  public static long notNegative(long value, String name) {
    if (value < 0) {
      throw new InvalidInputException(name + " must be zero or more, got " + value);
    }
    return value;
  }

  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new InvalidInputException(name + " must be positive, got " + value);
    }
    return value;
  }

  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidInputException(message);
    }
  }

  /**
   * Like {@link #check(boolean, String)} for a message built from values: records on the hot path
   * are constructed millions of times, and building the text only when the check fails keeps them
   * from allocating a string per instance.
   */
  public static void check(boolean condition, java.util.function.Supplier<String> message) {
    if (!condition) {
      throw new InvalidInputException(message.get());
    }
  }

  /** A short, safe rendering of user input for error messages. */
  public static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return '"' + shown.replace("\n", "\\n").replace("\r", "\\r") + '"';
  }
}
