package io.openchannel.adapters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One document's fonts in order of preference. Each code point is drawn with the first font that
 * has it; a code point none has becomes the replacement, except invisible format characters
 * (joiners, variation selectors, direction marks), which are dropped: a box for an invisible
 * character would only add noise.
 */
final class FontChain {
  /** A piece of a line drawn with one font. */
  record Run(PDType0Font font, String text) {}

  private final List<FontFace> faces;
  private final List<PDType0Font> fonts = new ArrayList<>();
  private final String replacement;
  private final int replacementFont;

  FontChain(PDDocument document, List<FontFace> faces, String replacement) throws IOException {
    this.faces = faces;
    for (FontFace face : faces) {
      fonts.add(face.loadInto(document));
    }
    int cp = replacement.codePointAt(0);
    int index = indexOf(cp);
    // The configured replacement (a white square by default) needs a glyph too; "?" always has one.
    this.replacement = index >= 0 ? replacement : "?";
    this.replacementFont = Math.max(index, 0);
  }

  private int indexOf(int codePoint) {
    for (int i = 0; i < faces.size(); i++) {
      if (faces.get(i).covers(codePoint)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code text} split into runs of one font each, missing glyphs replaced. */
  List<Run> runs(String text) {
    List<Run> runs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentFont = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int font = indexOf(cp);
      boolean missing = font < 0;
      if (missing && isInvisible(cp)) {
        continue;
      }
      if (missing) {
        font = replacementFont;
      }
      if (font != currentFont && current.length() > 0) {
        runs.add(new Run(fonts.get(currentFont), current.toString()));
        current.setLength(0);
      }
      currentFont = font;
      if (missing) {
        current.append(replacement);
      } else {
        current.appendCodePoint(cp);
      }
    }
    if (current.length() > 0) {
      runs.add(new Run(fonts.get(currentFont), current.toString()));
    }
    return runs;
  }

  /** The width of {@code text} at {@code size} points, as {@link #runs} would draw it. */
  double width(String text, float size) {
    double total = 0;
    try {
      for (Run run : runs(text)) {
        total += run.font().getStringWidth(run.text()) / 1000.0 * size;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}
