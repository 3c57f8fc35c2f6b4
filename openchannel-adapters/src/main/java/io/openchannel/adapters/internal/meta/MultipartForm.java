package io.openchannel.adapters.internal.meta;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body (RFC 7578) for Graph uploads: text fields, then at most one
 * file, whose bytes are streamed when the request is sent rather than held in memory. Not
 * thread-safe while being built; {@link #publisher()} may be called once per send.
 */
public final class MultipartForm {
  private final String boundary = "openchannel-" + UUID.randomUUID();
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private Supplier<InputStream> file;

  /** The request's {@code Content-Type}. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** Adds a text field (JSON objects such as {@code recipient} go as text too). */
  public MultipartForm field(String name, String value) {
    if (file != null) {
      throw new IllegalStateException("fields go before the file");
    }
    append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
        + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  /** Adds the file part; it must be the last. */
  public MultipartForm file(String name, String fileName, String contentType,
      Supplier<InputStream> content) {
    if (file != null) {
      throw new IllegalStateException("a Graph upload carries one file");
    }
    append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
        + "\"; filename=\"" + quote(fileName) + "\"\r\nContent-Type: "
        + contentType.replaceAll("[\r\n]", "") + "\r\n\r\n");
    file = Objects.requireNonNull(content, "content");
    return this;
  }

  /** The body: the fields, the file streamed from its supplier, the closing boundary. */
  public HttpRequest.BodyPublisher publisher() {
    byte[] end = ((file == null ? "" : "\r\n") + "--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher start = HttpRequest.BodyPublishers.ofByteArray(head.toByteArray());
    return file == null
        ? HttpRequest.BodyPublishers.concat(start, HttpRequest.BodyPublishers.ofByteArray(end))
        : HttpRequest.BodyPublishers.concat(start, HttpRequest.BodyPublishers.ofInputStream(file),
            HttpRequest.BodyPublishers.ofByteArray(end));
  }

  private void append(String s) {
    head.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A quote or line break would end the header early; browsers percent-encode them. */
  private static String quote(String s) {
    return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
