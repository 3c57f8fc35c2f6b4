package io.openchannel.transcript;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns a {@link Transcript} into a file (S22): plain text ({@link PlainTextTranscriptRenderer})
 * or PDF ({@code io.openchannel.adapters.pdf.PdfTranscriptRenderer} in
 * {@code openchannel-adapters}). Implementations are stateless or thread-safe, so one instance
 * serves every download.
 */
public interface TranscriptRenderer {
  /**
   * Writes the whole document to {@code out}. The built-in renderers build the document in
   * memory first and write it in one go, so a failure while building writes nothing; they do not
   * close {@code out}.
   *
   * @throws IOException if writing to {@code out} fails
   */
  void render(Transcript transcript, OutputStream out) throws IOException;

  /** The MIME type for the download, such as {@code text/plain; charset=UTF-8}. */
  String contentType();

  /** The file name extension without the dot, such as {@code txt} or {@code pdf}. */
  String fileExtension();

  /** The suggested file name: {@code transcript-<interaction id>.<extension>}. */
  default String fileName(Transcript transcript) {
    return transcript.baseFileName() + "." + fileExtension();
  }
}
