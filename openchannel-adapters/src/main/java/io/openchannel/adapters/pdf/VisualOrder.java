package io.openchannel.adapters.pdf;

import java.text.Bidi;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * One line put in the order its glyphs are drawn left to right (the Unicode bidirectional
 * algorithm, by {@link Bidi}): right-to-left runs such as Hebrew and Arabic are reversed by
 * grapheme cluster, so a letter keeps its combining marks after it. PDFBox draws glyphs in the
 * order given and does not do this itself; its text extractor undoes it, so copied text comes
 * back in logical order. Brackets inside right-to-left runs are mirrored, so "(שלום)" still
 * shows its parentheses the right way round; the rarer mirrored symbols are left as they are.
 */
final class VisualOrder {
  private static final String OPENING = "()[]{}<>«»‹›";
  private static final String MIRRORED = ")(][}{><»«›‹";

  private VisualOrder() {}

  static String of(String line) {
    char[] chars = line.toCharArray();
    if (!Bidi.requiresBidi(chars, 0, chars.length)) {
      return line;
    }
    Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
    int count = bidi.getRunCount();
    byte[] levels = new byte[count];
    String[] runs = new String[count];
    for (int i = 0; i < count; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
      runs[i] = (levels[i] & 1) == 1 ? reversedClusters(run) : run;
    }
    Bidi.reorderVisually(levels, 0, runs, 0, count);
    return String.join("", runs);
  }

  private static String reversedClusters(String run) {
    BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
    clusters.setText(run);
    StringBuilder out = new StringBuilder(run.length());
    for (int end = clusters.last(), start = clusters.previous(); start != BreakIterator.DONE;
        end = start, start = clusters.previous()) {
      int pair = end - start == 1 ? OPENING.indexOf(run.charAt(start)) : -1;
      if (pair >= 0) {
        out.append(MIRRORED.charAt(pair));
      } else {
        out.append(run, start, end);
      }
    }
    return out.toString();
  }
}
