package io.openchannel.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.openchannel.InvalidInputException;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.tck.TranscriptRendererContract;
import io.openchannel.tck.TranscriptSamples;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

class PdfTranscriptRendererTest extends TranscriptRendererContract {
  private static final PdfTranscriptRenderer PDF = new PdfTranscriptRenderer();

  @Override
  protected TranscriptRenderer renderer() {
    return PDF;
  }

  @Override
  protected String textOf(byte[] document) throws IOException {
    return PdfText.of(document);
  }

  private static FontFace bundledFace() throws IOException {
    try (var in = PdfTranscriptRenderer.class.getResourceAsStream("DejaVuSans.ttf")) {
      return FontFace.of("bundled", in.readAllBytes());
    }
  }

  private static Transcript oneMessage(String text) {
    return TranscriptSamples.transcript(List.of(TranscriptSamples.customer("m1", 0, text)), false,
        InteractionStatus.OPEN);
  }

  @Test
  void theDocumentCarriesTitleAuthorProducerAndTheClocksCreationDate() throws IOException {
    Transcript t = TranscriptSamples.closedWithEverything();

    try (PDDocument doc = Loader.loadPDF(PDF.toPdf(t))) {
      PDDocumentInformation info = doc.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Transcript: Mia Rossi on Shop (Facebook Messenger)");
      assertThat(info.getAuthor()).isEqualTo("Ann Agent");
      assertThat(info.getProducer()).contains("openchannel").contains("PDFBox");
      assertThat(info.getCreationDate().toInstant()).isEqualTo(t.generatedAt().toInstant());
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
    }
    assertThat(PdfText.of(PDF.toPdf(t))).startsWith("Transcript: Mia Rossi on Shop (Facebook Messenger)");
  }

  @Test
  void everyPageIsNumberedOutOfTheTotal() throws IOException {
    byte[] pdf = PDF.toPdf(TranscriptSamples.manyMessages(200, "A message long enough to"
        + " fill most of a line of the page, so that two hundred of them need several pages"));

    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
    }
    assertThat(pages).isGreaterThan(3);
    Matcher m = Pattern.compile("Page (\\d+) of (\\d+)").matcher(PdfText.of(pdf));
    int expected = 1;
    while (m.find()) {
      assertThat(m.group(1)).isEqualTo(String.valueOf(expected++));
      assertThat(m.group(2)).isEqualTo(String.valueOf(pages));
    }
    assertThat(expected - 1).isEqualTo(pages);
  }

  @Test
  void aFiveThousandCharacterWordIsCutIntoLinesInsideTheMargins() throws IOException {
    byte[] pdf = PDF.toPdf(oneMessage("before " + "W".repeat(5_000) + " after"));

    String text = PdfText.of(pdf);
    assertThat(squeeze(text.replaceAll("Page \\d+ of \\d+", "")))
        .contains("before" + "W".repeat(5_000) + "after");
    assertThat(text.lines().filter(l -> l.matches("W+")).count()).isGreaterThan(50);
    float[] extent = PdfText.horizontalExtent(pdf);
    assertThat(extent[0]).isGreaterThanOrEqualTo(49f);
    assertThat(extent[1]).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 49f);
  }

  @Test
  void longTextWrapsAtSpacesWithoutLosingAWord() throws IOException {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      words.append("word").append(i).append(' ');
    }

    String text = PdfText.of(PDF.toPdf(oneMessage(words.toString())));

    List<String> found = Pattern.compile("word\\d+").matcher(text).results().map(r -> r.group()).toList();
    assertThat(found).hasSize(400).startsWith("word0", "word1").endsWith("word399");
    assertThat(text.lines().filter(l -> l.contains("word")).count()).isGreaterThan(10);
  }

  @Test
  void anEmojiTheFontLacksBecomesAVisibleSquare() throws IOException {
    String text = PdfText.of(PDF.toPdf(oneMessage("box 📦 here, family 👩\u200D👩\u200D👧 end")));

    // DejaVu Sans has the (invisible) joiner, so it stays between the squares.
    assertThat(text.replace("\u200D", "")).contains("box \u25A1 here, family \u25A1\u25A1\u25A1 end");
  }

  @Test
  void invisibleCharactersTheFontLacksAreDroppedNotBoxed() throws IOException {
    FontFace sans = bundledFace();
    int format = -1;
    for (int cp = 0x600; cp < 0xFFFF && format < 0; cp++) {
      if (Character.getType(cp) == Character.FORMAT && !sans.covers(cp)
          && Character.getDirectionality(cp) == Character.DIRECTIONALITY_BOUNDARY_NEUTRAL) {
        format = cp;
      }
    }
    assertThat(format).as("a format character DejaVu Sans lacks").isPositive();
    // and U+E0101 VARIATION SELECTOR-18
    String text = PdfText.of(PDF.toPdf(oneMessage("a" + Character.toString(format) + "b c\uDB40\uDD01d")));

    assertThat(text).contains("ab cd");
  }

  @Test
  void theReplacementCanBeChosen() throws IOException {
    PdfTranscriptRenderer question = PdfTranscriptRenderer.builder().replacement("?").build();

    assertThat(PdfText.of(question.toPdf(oneMessage("box 📦 here")))).contains("box ? here");
  }

  @Test
  void scriptsTheBundledFontCoversComeBackExactly() throws IOException {
    String text = PdfText.of(PDF.toPdf(oneMessage("Ελληνικά Кириллица Ђорђе Հայերեն ქართული")));

    assertThat(text).contains("Ελληνικά Кириллица Ђорђе Հայերեն ქართული");
  }

  @Test
  void rightToLeftTextRendersWithItsLettersUnshaped() throws IOException {
    String hebrew = "שלום";
    String arabic = "مرحبا";

    String text = PdfText.of(PDF.toPdf(oneMessage("he " + hebrew + " ar " + arabic)));

    // Drawn in visual order; PDFBox's extractor puts them back in logical order.
    assertThat(text).contains("he " + hebrew + " ar");
    assertThat(text.codePoints().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC
        || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B).count())
        .isEqualTo(arabic.length());
  }

  @Test
  void cjkWithoutAFallbackFontBecomesSquaresOneForEachCharacter() throws IOException {
    String text = PdfText.of(PDF.toPdf(oneMessage("kanji 漢字 end")));

    assertThat(text).contains("kanji \u25A1\u25A1 end");
  }

  @Test
  void theSameTranscriptGivesTheSameBytes() throws IOException {
    Transcript t = TranscriptSamples.closedWithEverything();

    assertThat(PDF.toPdf(t)).isEqualTo(PDF.toPdf(t));
  }

  @Test
  void onlyTheGlyphsUsedAreEmbedded() throws IOException {
    byte[] pdf = PDF.toPdf(oneMessage("hi"));

    // The whole DejaVu Sans is 760 KB; a subset of a few dozen glyphs is a small fraction of it.
    assertThat(pdf.length).isLessThan(60_000);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans");
        assertThat(font.isEmbedded()).isTrue();
      }
    }
  }

  @Test
  void aHostFontReplacesTheBundledOne() throws IOException {
    Path mono = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
    assumeThat(Files.exists(mono)).as("a system copy of DejaVu Sans Mono").isTrue();

    byte[] pdf = PdfTranscriptRenderer.builder().font(mono).build().toPdf(oneMessage("mono"));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var resources = doc.getPage(0).getResources();
      assertThat(resources.getFontNames()).allSatisfy(n ->
          assertThat(resources.getFont(n).getName()).endsWith("+DejaVuSansMono"));
    }
    assertThat(PdfText.of(pdf)).contains("mono");
  }

  @Test
  void aFallbackFontDrawsWhatTheFirstFontLacks() throws IOException {
    Path math = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf");
    assumeThat(Files.exists(math)).as("a system copy of DejaVu Math TeX Gyre").isTrue();
    FontFace sans = bundledFace();
    FontFace fallback = FontFace.of("math", Files.readAllBytes(math));
    int only = -1;
    for (int cp = 0x2100; cp < 0x1FFFF && only < 0; cp++) {
      if (!sans.covers(cp) && fallback.covers(cp) && Character.isLetterOrDigit(cp)) {
        only = cp;
      }
    }
    assumeThat(only).as("a letter only the fallback has").isPositive();
    String ch = Character.toString(only);

    byte[] withFallback = PdfTranscriptRenderer.builder().fallbackFont(math).build()
        .toPdf(oneMessage("x " + ch + " y"));

    assertThat(PdfText.of(withFallback)).contains("x " + ch + " y");
    assertThat(PdfText.of(PDF.toPdf(oneMessage("x " + ch + " y")))).contains("x \u25A1 y");
  }

  @Test
  void bytesThatAreNotAFontAreRefusedWhenBuilding() {
    assertThatThrownBy(() -> PdfTranscriptRenderer.builder().font("not a font".getBytes()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a TrueType font");
    assertThatThrownBy(() -> PdfTranscriptRenderer.builder().replacement("ab"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one printable character");
  }

  @Test
  void usLetterPagesCanBeChosen() throws IOException {
    byte[] pdf = PdfTranscriptRenderer.builder().pageSize(PdfTranscriptRenderer.PageSize.LETTER)
        .build().toPdf(oneMessage("letter"));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
      assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
    }
  }
}
