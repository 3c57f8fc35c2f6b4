package io.openchannel.adapters.pdf;

import io.openchannel.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font checked once: its bytes and which code points it has a glyph for. Immutable
 * and thread-safe; every document loads its own subset of it.
 */
final class FontFace {
  private final String name;
  private final byte[] bytes;
  private final BitSet coverage;

  private FontFace(String name, byte[] bytes, BitSet coverage) {
    this.name = name;
    this.bytes = bytes;
    this.coverage = coverage;
  }

  /**
   * Parses {@code bytes} and records its coverage.
   *
   * @throws InvalidInputException if they are not a TrueType font PDFBox can embed
   */
  static FontFace of(String source, byte[] bytes) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
      if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
        throw new InvalidInputException("font " + source + " has PostScript (CFF) outlines, which"
            + " PDFBox cannot embed as a subset; use a font with TrueType outlines (.ttf)");
      }
      CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
      if (cmap == null) {
        throw new InvalidInputException("font " + source + " has no Unicode character map;"
            + " use a Unicode TrueType font such as DejaVu Sans or Noto Sans");
      }
      BitSet covered = new BitSet(Character.MAX_CODE_POINT + 1);
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
        if (cmap.getGlyphId(cp) > 0) {
          covered.set(cp);
        }
      }
      return new FontFace(ttf.getName(), bytes.clone(), covered);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("font " + source + " is not a TrueType font PDFBox can read ("
          + e.getMessage() + "); use a .ttf file", e);
    }
  }

  /** The font's PostScript name. */
  String name() {
    return name;
  }

  /** Whether the font has a glyph for {@code codePoint}. */
  boolean covers(int codePoint) {
    return coverage.get(codePoint);
  }

  /** Loads the font into {@code document}, embedding only the glyphs the document uses. */
  PDType0Font loadInto(PDDocument document) throws IOException {
    return PDType0Font.load(document, new ByteArrayInputStream(bytes), true);
  }
}
