package io.openchannel.examples.terminal;

/**
 * ANSI colours for terminal output, or none. Colours only decorate: every coloured piece of text
 * also says what it means in words or symbols, so plain output loses nothing.
 */
public final class Style {
  private static final String RESET = "\u001b[0m";
  private static final Style PLAIN = new Style(false);
  private static final Style COLOURED = new Style(true);

  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  /** No colours at all. */
  public static Style plain() {
    return PLAIN;
  }

  /**
   * Colours when this JVM writes to a terminal, {@code NO_COLOR} is unset or empty
   * (<a href="https://no-color.org">no-color.org</a>) and the user did not ask for plain text.
   */
  public static Style detect(boolean noColorFlag) {
    return decide(noColorFlag, System.console() != null, System.getenv("NO_COLOR"));
  }

  /** The decision of {@link #detect}, with its inputs passed in (for tests). */
  static Style decide(boolean noColorFlag, boolean terminal, String noColorEnv) {
    boolean noColorSet = noColorEnv != null && !noColorEnv.isEmpty();
    return !noColorFlag && terminal && !noColorSet ? COLOURED : PLAIN;
  }

  /** Whether this style adds colours. */
  public boolean enabled() {
    return enabled;
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  public String magenta(String text) {
    return paint("35", text);
  }

  public String cyan(String text) {
    return paint("36", text);
  }

  private String paint(String code, String text) {
    return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
  }
}
