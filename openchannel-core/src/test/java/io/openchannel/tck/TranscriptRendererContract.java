package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionStatus;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptFormat;
import io.openchannel.transcript.TranscriptRenderer;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TranscriptRenderer} must pass. Extend it and supply the renderer and
 * a way to read the text back from what it wrote (for PDF, a text extractor).
 *
 * <p>What it pins down: the title, every message's text, sender, attachment and failure reason
 * are in the document; hostile text (control characters, tabs, joiners, right-to-left and CJK
 * scripts, emoji, a 100 KB message, a 5,000-character word) renders without an exception; an
 * interaction without messages renders; the stream is not closed; one renderer serves several
 * threads at once.
 */
public abstract class TranscriptRendererContract {
  /** The renderer under test. */
  protected abstract TranscriptRenderer renderer();

  /** The text a reader sees in {@code document}, in reading order. */
  protected abstract String textOf(byte[] document) throws IOException;

  /** Renders {@code t} into bytes. */
  protected byte[] render(Transcript t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer().render(t, out);
    return out.toByteArray();
  }

  /** Text without any whitespace, so a renderer's line wrapping does not matter. */
  protected static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  /**
   * {@link #squeeze}d text without symbols (emoji, squares) and replacement characters, which a
   * renderer may draw as a replacement when its font lacks them.
   */
  protected static String comparable(String s) {
    return squeeze(s).codePoints()
        .filter(c -> Character.getType(c) != Character.OTHER_SYMBOL && c != 0xFFFD)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Test
  void theDocumentHasTheTitleAndEveryMessageWithItsSenderFileAndFailure() throws IOException {
    Transcript t = TranscriptSamples.closedWithEverything();

    String text = comparable(textOf(render(t)));

    assertThat(text).contains(comparable(t.title()));
    for (TranscriptEntry e : t.entries()) {
      for (String line : TranscriptFormat.bodyLines(e)) {
        assertThat(text).contains(comparable(line));
      }
      assertThat(text).contains(comparable(e.senderName()));
    }
    assertThat(text).contains("invoice.pdf", "voice.ogg", squeeze("recipient blocked the Page"),
        squeeze("Sales / Order placed"));
  }

  @Test
  void hostileTextRendersWithoutAnException() throws IOException {
    String huge = "lorem ipsum dolor sit amet ".repeat(4_000); // about 100 KB
    Transcript t = TranscriptSamples.transcript(List.of(
        TranscriptSamples.customer("c1", 0, "bell\u0007 nul\u0000 esc\u001b[31m del\u007f c1\u0085 end"),
        TranscriptSamples.customer("c2", 1, "tab\there\r\nwindows line\rold mac\u2028separator"),
        TranscriptSamples.customer("c3", 2, "family 👩\u200D👩\u200D👧 zwj, zwnj a\u200Cb, bom \uFEFF"),
        TranscriptSamples.customer("c4", 3, "مرحبا بك שלום \u202Eevil\u202C 漢字かなカナ 한국어 Ελληνικά Кириллица"),
        TranscriptSamples.customer("c5", 4, "e\u0301 a\u0308 combining, नमस्ते, ไทย"),
        TranscriptSamples.agent("c6", 5, "x".repeat(5_000)),
        TranscriptSamples.agent("c7", 6, huge),
        TranscriptSamples.agent("c8", 7, "emoji 😀🎉📦🚚 flags 🇮🇹 skin 👋🏽 and \uD83E\uDEE0 new")),
        false, InteractionStatus.OPEN);

    byte[] document = render(t);

    assertThat(document).isNotEmpty();
    String text = textOf(document);
    assertThat(text).contains("bell").doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(squeeze(text)).contains("windowsline", "lorem", "Кириллица");
  }

  @Test
  void anInteractionWithoutMessagesRenders() throws IOException {
    Transcript t = TranscriptSamples.transcript(List.of(), false, InteractionStatus.OPEN);

    assertThat(squeeze(textOf(render(t)))).contains(squeeze(t.title()));
  }

  @Test
  void theStreamIsLeftOpen() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FilterOutputStream out = new FilterOutputStream(bytes) {
      @Override
      public void close() {
        closed.set(true);
      }
    };

    renderer().render(TranscriptSamples.closedWithEverything(), out);

    assertThat(closed).isFalse();
    assertThat(bytes.size()).isPositive();
  }

  @Test
  void itNamesItsContentTypeAndExtension() {
    assertThat(renderer().contentType()).isNotBlank();
    assertThat(renderer().fileExtension()).matches("[a-z0-9]+");
    assertThat(renderer().fileName(TranscriptSamples.closedWithEverything()))
        .isEqualTo("transcript-int-1." + renderer().fileExtension());
  }

  @Test
  void oneRendererServesSeveralThreadsAtOnce() throws Exception {
    Transcript t = TranscriptSamples.manyMessages(60, "concurrent");
    String expected = textOf(render(t));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> jobs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        jobs.add(() -> textOf(render(t)));
      }
      for (Future<String> f : pool.invokeAll(jobs)) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
