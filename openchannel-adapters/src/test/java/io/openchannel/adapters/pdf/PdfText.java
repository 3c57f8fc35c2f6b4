package io.openchannel.adapters.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a PDF back: its text with PDFBox's own extractor, and where the glyphs were drawn. */
final class PdfText extends PDFTextStripper {
  private float maxRight;
  private float minLeft = Float.MAX_VALUE;

  private PdfText() {
    setSortByPosition(false);
  }

  /** The document's text in reading order. */
  static String of(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The left- and rightmost x any glyph reaches, in points. */
  static float[] horizontalExtent(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PdfText stripper = new PdfText();
      stripper.getText(doc);
      return new float[] {stripper.minLeft, stripper.maxRight};
    }
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    for (TextPosition p : positions) {
      minLeft = Math.min(minLeft, p.getXDirAdj());
      maxRight = Math.max(maxRight, p.getXDirAdj() + p.getWidthDirAdj());
    }
    super.writeString(text, positions);
  }
}
