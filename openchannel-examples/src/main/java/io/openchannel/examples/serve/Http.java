package io.openchannel.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers over the JDK's {@link HttpExchange}. */
final class Http {
  private Http() {}

  /** Sends {@code status} with {@code body} as UTF-8 text of {@code contentType}. */
  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        contentType.contains("charset") ? contentType : contentType + "; charset=utf-8");
    // -1 tells the JDK server there is no body at all, which a 200 with "" must say.
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The request body as text, for the fakes, which only print it. */
  static String bodyText(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }
}
