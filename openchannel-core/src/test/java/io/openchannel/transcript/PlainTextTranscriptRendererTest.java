package io.openchannel.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionStatus;
import io.openchannel.tck.TranscriptRendererContract;
import io.openchannel.tck.TranscriptSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTranscriptRendererTest extends TranscriptRendererContract {
  private final PlainTextTranscriptRenderer renderer = new PlainTextTranscriptRenderer();

  @Override
  protected TranscriptRenderer renderer() {
    return renderer;
  }

  @Override
  protected String textOf(byte[] document) {
    return new String(document, StandardCharsets.UTF_8);
  }

  @Test
  void theLayoutIsStable() {
    String expected = """
        Transcript: Mia Rossi on Shop (Facebook Messenger)

        Interaction:  int-1
        Contact:      Mia Rossi (contact c-1)
        Account:      Shop (fb-shop, Facebook Messenger, private)
        Status:       closed
        Started:      2026-11-24 10:00:00 +01:00
        Closed:       2026-11-24 10:06:00 +01:00
        Disposition:  Sales / Order placed
        Agents:       Ann Agent
        Tags:         vip, late
        Messages:     5 messages, 1 internal note
        Time zone:    Europe/Rome
        Generated:    2026-11-24 11:00:00 +01:00 by Ann Agent

        2026-11-24 10:00:00 +01:00  Mia Rossi (customer)
            Hi! Where is my order? 📦
            It was due yesterday.

        2026-11-24 10:00:00 +01:00  Shop (auto-reply) [read]
            Thanks! An agent will be with you shortly.

        2026-11-24 10:02:00 +01:00  Ann Agent (agent, canned answer) [delivered]
            Hello Mia, I am Ann.

        2026-11-24 10:03:00 +01:00  Ann Agent (agent) [failed: recipient blocked the Page]
            Your invoice
            Attachment: invoice.pdf (application/pdf, 12 KB)

        2026-11-24 10:04:00 +01:00  Mia Rossi (customer, voice message)
            Voice message: voice.ogg (audio/ogg, 300 bytes)

        2026-11-24 10:05:00 +01:00  Ann Agent (internal note)
            VIP customer
        """;

    assertThat(renderer.toText(TranscriptSamples.closedWithEverything())).isEqualTo(expected);
  }

  @Test
  void anEmptyTranscriptSaysSo() {
    String text = renderer.toText(TranscriptSamples.transcript(List.of(), false, InteractionStatus.OPEN));

    assertThat(text).endsWith("Messages:     0 messages, internal notes not included\n"
        + "Time zone:    Europe/Rome\n"
        + "Generated:    2026-11-24 11:00:00 +01:00 by Ann Agent\n"
        + "\n(no messages)\n");
  }

  @Test
  void controlCharactersAreReplacedAndLineBreaksNormalised() {
    String text = renderer.toText(TranscriptSamples.transcript(List.of(
        TranscriptSamples.customer("m1", 0, "a\u001b[31mb\tc\r\nd\re\u0000\n\nf\n")),
        false, InteractionStatus.OPEN));

    assertThat(text).endsWith("(customer)\n"
        + "    a\uFFFD[31mb    c\n"
        + "    d\n"
        + "    e\uFFFD\n"
        + "\n"
        + "    f\n");
  }

  @Test
  void itIsUtf8Text() {
    assertThat(renderer.contentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(renderer.fileExtension()).isEqualTo("txt");
  }
}
