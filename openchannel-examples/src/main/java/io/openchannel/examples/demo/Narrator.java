package io.openchannel.examples.demo;

import io.openchannel.examples.terminal.Columns;
import io.openchannel.examples.terminal.Style;
import io.openchannel.message.Direction;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Prints the demo's story: numbered sections, short sentences, aligned fields and event lines,
 * never wider than {@link #WIDTH} columns. All styling lives here, so the story reads as plain
 * sentences.
 */
public final class Narrator {
  /** The widest line the demo prints. */
  static final int WIDTH = 100;
  /** How many columns an {@link #event} line leaves for the details. */
  static final int EVENT_DETAILS = WIDTH - 28;
  /** The width of an {@link #event} line's type column: the longest type and a space. */
  private static final int EVENT_TYPE = 22;
  /** Where values start in {@link #field} lines. */
  private static final int LABEL_COLUMNS = 16;
  private static final String INDENT = "  ";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_AND_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Style style;
  private int sections;

  /** A narrator writing to {@code out} in {@code style}. */
  public Narrator(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  /** The banner at the very top. */
  public void title(String title, String subtitle) {
    out.println(style.bold(title));
    say(subtitle);
  }

  /** A numbered section heading, with the API call it shows on the right. */
  void section(String title, String api) {
    sections++;
    String left = "── " + sections + ". " + title + " ";
    String right = api.isEmpty() ? "" : " " + api;
    int rule = Math.max(3, WIDTH - Columns.width(left) - Columns.width(right));
    out.println();
    out.println(style.bold(style.cyan(left)) + style.cyan("─".repeat(rule)) + style.dim(right));
  }

  /** A sentence, wrapped to the width. */
  public void say(String text) {
    for (String line : Columns.wrap(text, WIDTH - INDENT.length())) {
      out.println(INDENT + line);
    }
  }

  /** What the next call does, before its events appear: in bold. */
  public void action(String text) {
    for (String line : Columns.wrap(text, WIDTH - INDENT.length())) {
      out.println(INDENT + style.bold(line));
    }
  }

  /** A labelled value: {@code   label          value}. */
  public void field(String label, String value) {
    out.println(INDENT + Columns.pad(label, LABEL_COLUMNS) + value);
  }

  /** A labelled detail of the action above it, indented under the action's text. */
  void detail(String label, String value) {
    out.println(INDENT + " ".repeat(10) + Columns.pad(label, 10) + value);
  }

  /** A further line for the value of the previous {@link #field}. */
  public void more(String value) {
    field("", value);
  }

  /** One event, as a listener received it. */
  public void event(String type, String details) {
    String lead = INDENT + INDENT + "▸ " + Columns.pad(type, EVENT_TYPE);
    String text = Columns.shorten(details, WIDTH - Columns.width(lead));
    out.println(style.magenta(lead) + text);
  }

  /** A refused call: the exception's simple name, then its message, wrapped and indented. */
  public void refused(String exception, String message) {
    out.println(INDENT + style.yellow("refused: " + exception));
    for (String line : Columns.wrap(message, WIDTH - 3 * INDENT.length())) {
      out.println(INDENT + INDENT + INDENT + style.yellow(line));
    }
  }

  /** A table header row, dimmed. */
  void header(String text) {
    out.println(style.dim(INDENT + text));
  }

  /** A line printed as given (the caller aligned it), indented. */
  public void row(String text) {
    out.println(INDENT + text);
  }

  /** An empty line. */
  public void blank() {
    out.println();
  }

  /** Flushes the writer. */
  public void flush() {
    out.flush();
  }

  /**
   * The time of day, as every line of the demo shows it; with the day of the week after the
   * demo's first day ({@code Tue 09:12:05}).
   */
  static String time(Instant at) {
    boolean firstDay = at.atZone(ZoneOffset.UTC).toLocalDate()
        .equals(DemoCommand.START.atZone(ZoneOffset.UTC).toLocalDate());
    return (firstDay ? TIME : DAY_AND_TIME).format(at);
  }

  /** A moment with its date: {@code Tue 3 Jun, 09:11:35}. */
  static String dateTime(Instant at) {
    return DATE_AND_TIME.format(at);
  }

  /** "← in" or "→ out": the arrow says the direction, the word says it again without glyphs. */
  static String arrow(Direction direction) {
    return direction == Direction.IN ? "← in" : "→ out";
  }

  /** {@code text} in quotes, shortened to {@code columns} in all. */
  static String quote(String text, int columns) {
    return "\"" + Columns.shorten(text.replace('\n', ' '), columns - 2) + "\"";
  }
}
