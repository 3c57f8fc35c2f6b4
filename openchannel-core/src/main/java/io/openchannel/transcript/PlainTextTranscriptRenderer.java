package io.openchannel.transcript;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A transcript as UTF-8 plain text with {@code \n} line ends: the title, the header as
 * {@code Label: value} lines, then every message as a heading line (time, sender, role, delivery
 * status) followed by its text indented by four spaces and its attachment, messages separated by
 * a blank line. Control characters are replaced (see {@link TranscriptFormat#printable}), so the
 * file is safe to show in a terminal. Stateless and thread-safe.
 *
 * <pre>
 * Transcript: Mia Rossi on Shop (Facebook Messenger)
 *
 * Interaction:  0a1b2c
 * Contact:      Mia Rossi (contact 3d4e5f)
 * ...
 *
 * 2026-11-24 10:00:00 +01:00  Mia Rossi (customer)
 *     Hi, my order is late
 *
 * 2026-11-24 10:02:00 +01:00  Ann (agent) [sent]
 *     Here is the invoice
 *     Attachment: invoice.pdf (application/pdf, 12 KB)
 * </pre>
 */
public final class PlainTextTranscriptRenderer implements TranscriptRenderer {
  private static final int LABEL_WIDTH = 14;
  private static final String INDENT = "    ";

  /** Creates the renderer. */
  public PlainTextTranscriptRenderer() {}

  @Override
  public void render(Transcript transcript, OutputStream out) throws IOException {
    byte[] bytes = toText(transcript).getBytes(StandardCharsets.UTF_8);
    out.write(bytes);
    out.flush();
  }

  /** The whole document as a string. */
  public String toText(Transcript t) {
    StringBuilder s = new StringBuilder();
    s.append(TranscriptFormat.inline(t.title())).append("\n\n");
    for (TranscriptFormat.Field f : TranscriptFormat.header(t)) {
      String label = f.label() + ":";
      s.append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length())))
          .append(f.value()).append('\n');
    }
    for (TranscriptEntry e : t.entries()) {
      s.append('\n').append(TranscriptFormat.heading(e)).append('\n');
      for (String line : TranscriptFormat.bodyLines(e)) {
        s.append(line.isEmpty() ? "" : INDENT + line).append('\n');
      }
      Optional<String> file = TranscriptFormat.attachmentLine(e);
      file.ifPresent(line -> s.append(INDENT).append(line).append('\n'));
    }
    if (t.entries().isEmpty()) {
      s.append("\n(no messages)\n");
    }
    return s.toString();
  }

  @Override
  public String contentType() {
    return "text/plain; charset=UTF-8";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }
}
