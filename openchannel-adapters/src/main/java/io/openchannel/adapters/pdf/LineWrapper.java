package io.openchannel.adapters.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Greedy line wrapping at Unicode line-break opportunities (spaces, hyphens, between CJK
 * ideographs); a piece wider than a whole line, like a 5,000-character word or a URL, is cut
 * between characters. Neither ever separates a letter from its combining marks nor the parts of
 * an emoji sequence (joiners, variation selectors, skin tones): Java 17's break iterators predate
 * the emoji rules, so that glue is applied here.
 */
final class LineWrapper {
  private LineWrapper() {}

  /**
   * {@code text} (one paragraph, without line breaks) cut into lines no wider than
   * {@code maxWidth}; an empty paragraph is one empty line.
   */
  static List<String> wrap(String text, ToDoubleFunction<String> width, double maxWidth) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      lines.add("");
      return lines;
    }
    StringBuilder line = new StringBuilder();
    double lineWidth = 0;
    for (String piece : pieces(text)) {
      double pieceWidth = width.applyAsDouble(piece);
      // Trailing spaces may hang past the margin: they are invisible.
      double visibleWidth = width.applyAsDouble(piece.stripTrailing());
      if (lineWidth + visibleWidth <= maxWidth) {
        line.append(piece);
        lineWidth += pieceWidth;
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        lineWidth = 0;
      }
      if (visibleWidth <= maxWidth) {
        line.append(piece);
        lineWidth = pieceWidth;
      } else {
        List<String> cut = cut(piece, width, maxWidth);
        lines.addAll(cut.subList(0, cut.size() - 1));
        line.append(cut.get(cut.size() - 1));
        lineWidth = width.applyAsDouble(line.toString());
      }
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }

  /** The text between line-break opportunities, glued where a break would split a cluster. */
  private static List<String> pieces(String text) {
    BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
    breaks.setText(text);
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
      if (end < text.length() && gluedToPrevious(text, end)) {
        continue;
      }
      pieces.add(text.substring(from, end));
      from = end;
    }
    if (from < text.length()) {
      pieces.add(text.substring(from));
    }
    return pieces;
  }

  /** The piece's clusters: a character with the marks, joiners and modifiers glued to it. */
  private static List<String> clusters(String piece) {
    List<String> clusters = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < piece.length(); ) {
      int next = i + Character.charCount(piece.codePointAt(i));
      if (next == piece.length() || !gluedToPrevious(piece, next)) {
        clusters.add(piece.substring(from, next));
        from = next;
      }
      i = next;
    }
    return clusters;
  }

  /** Whether the code point at {@code index} must stay on the line of the one before it. */
  private static boolean gluedToPrevious(String text, int index) {
    int cp = text.codePointAt(index);
    int previous = text.codePointBefore(index);
    if (previous == 0x200D) {
      return true; // whatever follows a zero-width joiner joins it (emoji sequences)
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F) // selectors, tag chars
        || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tones
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** A piece too wide for a line, cut between clusters; at least one cluster per line. */
  private static List<String> cut(String piece, ToDoubleFunction<String> width, double maxWidth) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    double partWidth = 0;
    for (String cluster : clusters(piece)) {
      double w = width.applyAsDouble(cluster);
      if (part.length() > 0 && partWidth + w > maxWidth) {
        parts.add(part.toString());
        part.setLength(0);
        partWidth = 0;
      }
      part.append(cluster);
      partWidth += w;
    }
    parts.add(part.toString());
    return parts;
  }
}
