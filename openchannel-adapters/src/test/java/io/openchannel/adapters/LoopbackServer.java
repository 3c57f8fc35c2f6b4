package io.openchannel.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP server under every fake platform: the JDK's server on a free loopback port, one
 * handler for every path. The fakes keep their own rules and answers; this holds what they share:
 * starting and stopping, answering JSON, recording a request, and a queue of scripted answers.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  /** Starts a server that hands every request to {@code handler}. */
  public LoopbackServer(HttpHandler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", handler);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}, for a connector's base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Answers {@code status} with a JSON {@code body} and {@code headers} (which may override the type). */
  public static void respond(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    respond(ex, status, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Answers {@code status} with {@code body}, typed JSON unless {@code headers} say otherwise. */
  public static void respond(HttpExchange ex, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  /** One request as received; header names in lower case, each with its first value. */
  public record Received(String method, String path, Map<String, String> headers, byte[] body) {
    /** Reads {@code ex}'s request, body included. */
    public static Received read(HttpExchange ex) throws IOException {
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, String> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      return new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers, body);
    }

    /** The body as JSON (fails the test if it is not). */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The header's first value, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) {}

  /** Answers queued by a test for the next calls; thread-safe. */
  public static final class Script {
    private final Deque<Answer> answers = new ArrayDeque<>();

    /** Queues an answer. */
    public synchronized void add(int status, String body, Map<String, String> headers) {
      answers.add(new Answer(status, body, headers));
    }

    /** Answers {@code ex} with the next queued answer, if any; false if none was queued. */
    public boolean answer(HttpExchange ex) throws IOException {
      Answer next;
      synchronized (this) {
        next = answers.poll();
      }
      if (next == null) {
        return false;
      }
      respond(ex, next.status(), next.body(), next.headers());
      return true;
    }
  }
}
