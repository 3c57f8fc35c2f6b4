package io.openchannel.adapters.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Places lines of text top-down on pages of one size, starting a new page when the next block
 * does not fit. Nothing is drawn here, so the page count is known before the first page is
 * drawn (for "page 2 of 5").
 */
final class PageLayout {
  /** A colour as red, green and blue from 0 to 1. */
  record Rgb(float r, float g, float b) {
    static final Rgb BLACK = new Rgb(0, 0, 0);
    static final Rgb GREY = new Rgb(0.4f, 0.4f, 0.4f);
  }

  /** One line of text at its baseline position. */
  record Placed(float x, float y, float size, Rgb colour, String text) {}

  private final float width;
  private final float top;
  private final float bottom;
  private final float left;
  private final FontChain fonts;
  private final List<List<Placed>> pages = new ArrayList<>();
  private List<Placed> page;
  private float y;

  PageLayout(float pageWidth, float pageHeight, float margin, float footer, FontChain fonts) {
    this.width = pageWidth - 2 * margin;
    this.top = pageHeight - margin;
    this.bottom = margin + footer;
    this.left = margin;
    this.fonts = fonts;
    newPage();
  }

  private void newPage() {
    page = new ArrayList<>();
    pages.add(page);
    y = top;
  }

  /** Line height for a font size. */
  static float leading(float size) {
    return size * 1.35f;
  }

  /** Moves down by {@code points}, unless at the top of a page. */
  void gap(float points) {
    if (y != top) {
      y -= points;
    }
  }

  /**
   * Wraps {@code text} (one paragraph, no line breaks) into the column from {@code indent} to
   * the right margin and places its lines; {@code keepWithNext} extra lines of room are asked
   * for before the first line, so a heading does not end a page.
   */
  void paragraph(String text, float indent, float size, Rgb colour, int keepWithNext) {
    List<String> lines = LineWrapper.wrap(text, s -> fonts.width(s, size), width - indent);
    float lead = leading(size);
    if (y - lead * (1 + keepWithNext) < bottom) {
      newPage();
    }
    for (String line : lines) {
      if (y - lead < bottom) {
        newPage();
      }
      y -= lead;
      page.add(new Placed(left + indent, y, size, colour, line));
    }
  }

  /** A label and a value side by side; the value wraps in its own column. */
  void field(String label, float valueIndent, String value, float size) {
    float lead = leading(size);
    if (y - lead < bottom) {
      newPage();
    }
    page.add(new Placed(left, y - lead, size, Rgb.GREY, label));
    paragraph(value, valueIndent, size, Rgb.BLACK, 0);
  }

  /** Every page's lines; call once everything is placed. */
  List<List<Placed>> pages() {
    return pages;
  }

  float left() {
    return left;
  }

  float width() {
    return width;
  }
}
