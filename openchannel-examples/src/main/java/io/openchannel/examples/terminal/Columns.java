package io.openchannel.examples.terminal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text measured in terminal columns: ANSI colour codes take none, most emoji take two. Good
 * enough for the examples' output; not a full Unicode width table.
 */
public final class Columns {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  /**
   * The few miscellaneous symbols and dingbats (U+2600–U+27BF) that terminals draw two columns
   * wide, such as ✅ and ❌; the rest of that block, such as ✓ and ✗, takes one.
   */
  private static final BitSet WIDE_SYMBOLS = wideSymbols(
      0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
      0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4,
      0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD,
      0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E,
      0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF);

  private Columns() {}

  /** The wide code points of U+2600–U+27BF from inclusive {@code ranges}, as offsets. */
  private static BitSet wideSymbols(int... ranges) {
    BitSet wide = new BitSet(0x27BF - 0x2600 + 1);
    for (int i = 0; i < ranges.length; i += 2) {
      wide.set(ranges[i] - 0x2600, ranges[i + 1] - 0x2600 + 1);
    }
    return wide;
  }

  /** {@code text} without ANSI colour codes. */
  public static String stripAnsi(String text) {
    return ANSI.matcher(text).replaceAll("");
  }

  /** How many columns {@code text} takes on a terminal. */
  public static int width(String text) {
    return stripAnsi(text).codePoints().map(Columns::width).sum();
  }

  private static int width(int codePoint) {
    if (codePoint == 0xFE0F || codePoint == 0x200D || Character.getType(codePoint) == Character.NON_SPACING_MARK) {
      return 0; // emoji presentation selector, zero-width joiner, combining marks
    }
    boolean wide = codePoint >= 0x1F000 && codePoint <= 0x1FAFF   // emoji and pictographs
        || codePoint >= 0x2600 && codePoint <= 0x27BF && WIDE_SYMBOLS.get(codePoint - 0x2600)
        || codePoint >= 0x1100 && codePoint <= 0x115F             // Hangul Jamo
        || codePoint >= 0x2E80 && codePoint <= 0xA4CF             // CJK
        || codePoint >= 0xAC00 && codePoint <= 0xD7A3             // Hangul syllables
        || codePoint >= 0xF900 && codePoint <= 0xFAFF
        || codePoint >= 0xFF00 && codePoint <= 0xFF60;
    return wide ? 2 : 1;
  }

  /** {@code text} padded with spaces on the right to {@code columns}. */
  public static String pad(String text, int columns) {
    int missing = columns - width(text);
    return missing > 0 ? text + " ".repeat(missing) : text;
  }

  /** {@code text} cut to at most {@code columns}, ending in "…" when cut; never splits a character. */
  public static String shorten(String text, int columns) {
    if (width(text) <= columns) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int cp : text.codePoints().toArray()) {
      int w = width(cp);
      if (used + w > columns - 1) {
        break;
      }
      kept.appendCodePoint(cp);
      used += w;
    }
    return kept.toString().stripTrailing() + "…";
  }

  /** {@code text} broken into lines of at most {@code columns}, at spaces where possible. */
  public static List<String> wrap(String text, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && width(line + " " + word) > columns) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
