package io.openchannel.adapters.pdf;

import io.openchannel.InvalidInputException;
import io.openchannel.adapters.pdf.PageLayout.Placed;
import io.openchannel.adapters.pdf.PageLayout.Rgb;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptFormat;
import io.openchannel.transcript.TranscriptRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A transcript as a PDF (S22), drawn with Apache PDFBox: the title, the header, every message
 * with its heading (time, sender, role, delivery status) and wrapped text, "Page 2 of 5" at the
 * foot of each page, and document metadata (title, author: the agent who downloaded it, subject,
 * creator, producer, and creation date: the transcript's {@code generatedAt}, so from the
 * engine's clock). Output is deterministic: the same transcript gives the same bytes.
 *
 * <p><b>Fonts and scripts.</b> Text is drawn with DejaVu Sans, bundled in this jar (see
 * {@code LICENSE-DejaVu.txt} next to it), embedded as a subset of the glyphs used. It covers
 * Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, basic Arabic letters and many symbols, but
 * not CJK, Indic or Thai scripts nor colour emoji. A character none of the fonts has is drawn as
 * a white square ({@code □}, configurable) and invisible format characters it lacks (zero-width
 * joiners, variation selectors, direction marks) are dropped, so any text renders and nothing
 * vanishes silently. Add fonts of your own with {@link Builder#fallbackFont}, for example Noto
 * Sans CJK for Chinese and Japanese; each character uses the first font that has it. Lines are put
 * in visual order with the Unicode bidirectional algorithm, so Hebrew reads right to left as it
 * should (each line still starts at the left margin), and copying text out of the PDF gives it
 * back in logical order. PDFBox does not shape text, though: Arabic letters come out in their
 * isolated forms, unjoined (legible, but not how Arabic is written), brackets inside
 * right-to-left runs are not mirrored, and Indic conjuncts and other complex-script clusters are
 * not formed. Hosts
 * that need those typeset properly should render with a shaping engine of their own through
 * {@link TranscriptRenderer}.
 *
 * <p>Immutable and thread-safe: fonts are checked once, at construction, and every render builds
 * its own document in memory before writing it out in one go.
 */
public final class PdfTranscriptRenderer implements TranscriptRenderer {
  private static final String BUNDLED_FONT = "DejaVuSans.ttf";
  private static final float MARGIN = 50;
  private static final float FOOTER = 20;
  private static final float TITLE_SIZE = 15;
  private static final float HEADER_SIZE = 9;
  private static final float HEADING_SIZE = 8.5f;
  private static final float BODY_SIZE = 10;
  private static final float FOOTER_SIZE = 8;
  private static final float LABEL_COLUMN = 75;
  private static final float BODY_INDENT = 12;
  private static final Rgb CUSTOMER = new Rgb(0.10f, 0.25f, 0.55f);
  private static final Rgb AGENT = new Rgb(0.08f, 0.40f, 0.20f);
  private static final Rgb NOTE = new Rgb(0.60f, 0.38f, 0.00f);
  private static final Rgb FAILED = new Rgb(0.75f, 0.10f, 0.10f);

  private static volatile FontFace bundled;

  private final List<FontFace> fonts;
  private final PDRectangle pageSize;
  private final String replacement;

  /** A renderer with the bundled DejaVu Sans, A4 pages and {@code □} for missing glyphs. */
  public PdfTranscriptRenderer() {
    this(builder());
  }

  private PdfTranscriptRenderer(Builder b) {
    List<FontFace> chain = new ArrayList<>();
    chain.add(b.font != null ? b.font : bundledFont());
    chain.addAll(b.fallbacks);
    this.fonts = List.copyOf(chain);
    this.pageSize = b.pageSize == PageSize.LETTER ? PDRectangle.LETTER : PDRectangle.A4;
    this.replacement = b.replacement;
  }

  /** A builder, to supply fonts, the page size or the replacement character. */
  public static Builder builder() {
    return new Builder();
  }

  /** Page sizes. */
  public enum PageSize {
    /** ISO A4, 210 × 297 mm (the default). */
    A4,
    /** US Letter, 8.5 × 11 in. */
    LETTER
  }

  /** Settings for a {@link PdfTranscriptRenderer}; not thread-safe, the renderer it builds is. */
  public static final class Builder {
    private FontFace font;
    private final List<FontFace> fallbacks = new ArrayList<>();
    private PageSize pageSize = PageSize.A4;
    private String replacement = "\u25A1";

    private Builder() {}

    /**
     * Draws text with this TrueType font instead of the bundled DejaVu Sans.
     *
     * @throws InvalidInputException if the bytes are not a TrueType-outline font with a Unicode
     *     character map
     */
    public Builder font(byte[] trueTypeFont) {
      this.font = FontFace.of("(primary)", Objects.requireNonNull(trueTypeFont, "trueTypeFont"));
      return this;
    }

    /** As {@link #font(byte[])}, read from a file. */
    public Builder font(Path trueTypeFile) {
      this.font = FontFace.of(trueTypeFile.toString(), read(trueTypeFile));
      return this;
    }

    /**
     * Adds a font for the characters the fonts before it lack (for example a CJK font); may be
     * called several times, first added is tried first.
     *
     * @throws InvalidInputException as for {@link #font(byte[])}
     */
    public Builder fallbackFont(byte[] trueTypeFont) {
      fallbacks.add(FontFace.of("(fallback " + (fallbacks.size() + 1) + ")",
          Objects.requireNonNull(trueTypeFont, "trueTypeFont")));
      return this;
    }

    /** As {@link #fallbackFont(byte[])}, read from a file. */
    public Builder fallbackFont(Path trueTypeFile) {
      fallbacks.add(FontFace.of(trueTypeFile.toString(), read(trueTypeFile)));
      return this;
    }

    /** The page size (default A4). */
    public Builder pageSize(PageSize size) {
      this.pageSize = Objects.requireNonNull(size, "size");
      return this;
    }

    /**
     * What to draw for a character no font has (default {@code □}, U+25A1); {@code ?} is used if
     * no font has the replacement either.
     *
     * @throws InvalidInputException if it is not exactly one printable character
     */
    public Builder replacement(String character) {
      Objects.requireNonNull(character, "character");
      if (character.codePointCount(0, character.length()) != 1
          || Character.isISOControl(character.codePointAt(0))
          || Character.isWhitespace(character.codePointAt(0))) {
        throw new InvalidInputException("the replacement must be one printable character, got "
            + character.codePointCount(0, character.length()) + " characters");
      }
      this.replacement = character;
      return this;
    }

    /** The renderer. */
    public PdfTranscriptRenderer build() {
      return new PdfTranscriptRenderer(this);
    }

    private static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new InvalidInputException("cannot read font file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static FontFace bundledFont() {
    FontFace face = bundled;
    if (face == null) {
      try (InputStream in = PdfTranscriptRenderer.class.getResourceAsStream(BUNDLED_FONT)) {
        if (in == null) {
          throw new IllegalStateException(BUNDLED_FONT + " is missing from the jar next to "
              + PdfTranscriptRenderer.class.getName());
        }
        face = FontFace.of(BUNDLED_FONT, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled " + BUNDLED_FONT, e);
      }
      bundled = face; // a benign race: two threads may both parse it once
    }
    return face;
  }

  @Override
  public void render(Transcript transcript, OutputStream out) throws IOException {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(out, "out");
    byte[] pdf = toPdf(transcript);
    out.write(pdf);
    out.flush();
  }

  /** The whole document as bytes. */
  public byte[] toPdf(Transcript t) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      FontChain chain = new FontChain(doc, fonts, replacement);
      List<List<Placed>> pages = layOut(t, chain);
      for (int i = 0; i < pages.size(); i++) {
        PDPage page = new PDPage(pageSize);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (Placed line : pages.get(i)) {
            draw(cs, chain, line);
          }
          String footer = "Page " + (i + 1) + " of " + pages.size();
          float x = (pageSize.getWidth() - (float) chain.width(footer, FOOTER_SIZE)) / 2;
          draw(cs, chain, new Placed(x, MARGIN / 2, FOOTER_SIZE, Rgb.GREY, footer));
        }
      }
      describe(doc, t);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private List<List<Placed>> layOut(Transcript t, FontChain chain) {
    PageLayout layout = new PageLayout(pageSize.getWidth(), pageSize.getHeight(), MARGIN, FOOTER, chain);
    layout.paragraph(TranscriptFormat.inline(t.title()), 0, TITLE_SIZE, Rgb.BLACK, 0);
    layout.gap(6);
    for (TranscriptFormat.Field f : TranscriptFormat.header(t)) {
      layout.field(f.label(), LABEL_COLUMN, f.value(), HEADER_SIZE);
    }
    layout.gap(8);
    for (TranscriptEntry e : t.entries()) {
      layout.gap(6);
      layout.paragraph(TranscriptFormat.heading(e), 0, HEADING_SIZE, colourOf(e), 1);
      for (String line : TranscriptFormat.bodyLines(e)) {
        layout.paragraph(line, BODY_INDENT, BODY_SIZE, Rgb.BLACK, 0);
      }
      TranscriptFormat.attachmentLine(e).ifPresent(line ->
          layout.paragraph(line, BODY_INDENT, HEADING_SIZE, Rgb.GREY, 0));
    }
    if (t.entries().isEmpty()) {
      layout.paragraph("(no messages)", 0, BODY_SIZE, Rgb.GREY, 0);
    }
    return layout.pages();
  }

  private static Rgb colourOf(TranscriptEntry e) {
    if (e.isInternalNote()) {
      return NOTE;
    }
    if (e.deliveryStatus().equals(Optional.of(DeliveryStatus.FAILED))) {
      return FAILED; // the single checkmark (S12) should catch the eye
    }
    switch (e.senderRole()) {
      case CUSTOMER:
        return CUSTOMER;
      case AGENT:
        return AGENT;
      default:
        return Rgb.GREY;
    }
  }

  private static void draw(PDPageContentStream cs, FontChain chain, Placed line) throws IOException {
    List<FontChain.Run> runs = chain.runs(VisualOrder.of(line.text()));
    if (runs.isEmpty()) {
      return;
    }
    cs.beginText();
    cs.setNonStrokingColor(line.colour().r(), line.colour().g(), line.colour().b());
    cs.newLineAtOffset(line.x(), line.y());
    for (FontChain.Run run : runs) {
      cs.setFont(run.font(), line.size());
      cs.showText(run.text());
    }
    cs.endText();
  }

  private static void describe(PDDocument doc, Transcript t) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(t.title());
    info.setAuthor(t.generatedBy());
    info.setSubject("Transcript of interaction " + t.interaction().value());
    info.setCreator("openchannel");
    info.setProducer("openchannel PdfTranscriptRenderer (Apache PDFBox)");
    GregorianCalendar created = GregorianCalendar.from(t.generatedAt());
    info.setCreationDate(created);
    info.setModificationDate(created);
    // PDFBox would derive the file identifier from the current time; deriving it from the
    // content instead makes the same transcript give the same bytes.
    byte[] id = digest(t.interaction().value() + "|" + t.generatedAt() + "|" + t.entries().size());
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().setDocumentID(ids);
  }

  private static byte[] digest(String s) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(sha, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String contentType() {
    return "application/pdf";
  }

  @Override
  public String fileExtension() {
    return "pdf";
  }
}
