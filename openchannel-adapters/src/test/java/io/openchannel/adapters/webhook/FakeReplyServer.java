package io.openchannel.adapters.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.openchannel.adapters.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A connector's Reply URL on loopback: records every request the connector sends and answers
 * from a script (200 with an id when the script is empty). It also serves attachment bytes under
 * {@code /attachments/{id}} for inbound downloads.
 */
final class FakeReplyServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A scripted answer. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private final LoopbackServer server;
  private final List<Received> received = new ArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Map<String, byte[]> files = new TreeMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private boolean hangNext;

  FakeReplyServer() {
    server = new LoopbackServer(this::handle);
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}. */
  String url() {
    return server.baseUrl();
  }

  synchronized FakeReplyServer answer(int status, String body, Map<String, String> headers) {
    script.add(new Answer(status, headers, body));
    return this;
  }

  synchronized FakeReplyServer answer(int status, String body) {
    return answer(status, body, Map.of());
  }

  /** The next request gets no answer until the server closes, so the client times out. */
  synchronized FakeReplyServer hangNext() {
    hangNext = true;
    return this;
  }

  synchronized FakeReplyServer file(String id, byte[] bytes) {
    files.put(id, bytes.clone());
    return this;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    Answer answer;
    byte[] file = null;
    boolean hang;
    synchronized (this) {
      hang = hangNext;
      hangNext = false;
      TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
      received.add(new Received(exchange.getRequestMethod(), path, headers, body));
      if (path.startsWith("/attachments/")) {
        file = files.get(path.substring("/attachments/".length()));
        answer = file == null ? new Answer(404, Map.of(), "no such file") : null;
      } else {
        answer = script.isEmpty()
            ? new Answer(200, Map.of(), "{\"id\":\"reply-" + received.size() + "\"}") : script.poll();
      }
    }
    if (hang) {
      awaitClose();
    }
    if (file != null) {
      answer = new Answer(200, Map.of("Content-Type", "application/octet-stream"), null);
    }
    Headers out = exchange.getResponseHeaders();
    answer.headers().forEach(out::add);
    byte[] bytes = file != null ? file : answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  private void awaitClose() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.close();
  }
}
