package io.openchannel.adapters.telegram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one file, written by hand
 * because we add no HTTP library. The file's bytes are streamed, never held in memory.
 * Not thread-safe while being built; the finished publisher may be sent once per open.
 */
final class MultipartBody {
  private final String boundary;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private Supplier<InputStream> file;

  /** A body delimited by {@code boundary} (letters, digits, {@code -}; up to 70 characters). */
  MultipartBody(String boundary) {
    if (!boundary.matches("[A-Za-z0-9-]{1,70}")) {
      throw new IllegalArgumentException("bad multipart boundary: " + boundary);
    }
    this.boundary = boundary;
  }

  /** The header value for this body. */
  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** Adds a text field. */
  MultipartBody field(String name, String value) {
    requireNoFile();
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name)
        + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  /** Adds the file, last: everything after it is the closing boundary. */
  MultipartBody file(String name, String fileName, String contentType, Supplier<InputStream> content) {
    requireNoFile();
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name)
        + "\"; filename=\"" + escape(fileName) + "\"\r\nContent-Type: "
        + contentType.replaceAll("[\r\n]", "") + "\r\n\r\n");
    this.file = Objects.requireNonNull(content, "content");
    return this;
  }

  /** The body as a publisher: the head, the file streamed, the closing boundary. */
  HttpRequest.BodyPublisher publisher() {
    HttpRequest.BodyPublisher start = HttpRequest.BodyPublishers.ofByteArray(head.toByteArray());
    if (file == null) {
      return HttpRequest.BodyPublishers.concat(start, HttpRequest.BodyPublishers.ofByteArray(tail(false)));
    }
    return HttpRequest.BodyPublishers.concat(start, HttpRequest.BodyPublishers.ofInputStream(file),
        HttpRequest.BodyPublishers.ofByteArray(tail(true)));
  }

  /** Writes the same bytes {@link #publisher()} sends; for tests and logs. */
  void writeTo(OutputStream out) throws IOException {
    out.write(head.toByteArray());
    if (file != null) {
      try (InputStream in = file.get()) {
        in.transferTo(out);
      }
    }
    out.write(tail(file != null));
  }

  private byte[] tail(boolean afterFile) {
    return ((afterFile ? "\r\n" : "") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private void requireNoFile() {
    if (file != null) {
      throw new IllegalStateException("the file is the last part");
    }
  }

  private void write(String s) {
    head.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes and line breaks would end the header early: percent-encode them as browsers do. */
  static String escape(String s) {
    return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
