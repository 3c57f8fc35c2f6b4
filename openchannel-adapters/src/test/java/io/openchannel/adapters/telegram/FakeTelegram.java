package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.openchannel.adapters.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bot API on loopback for one bot. Every request is checked (method, path, Content-Type, body
 * shape); a request that breaks the rules is answered 400 and listed in {@link #problems()}.
 * Sends succeed unless a scripted answer is queued; files registered with {@link #file} are
 * served through {@code getFile} and {@code /file/bot<token>/<path>}.
 */
final class FakeTelegram implements AutoCloseable {
  static final String TOKEN = "123456789:AAH-fake_token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SENDS = Set.of("sendMessage", "sendPhoto", "sendDocument", "sendVoice");

  /** One request as the fake received it. */
  record Received(String method, String path, String contentType, byte[] body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Map<String, Multipart.Part> parts() {
      return Multipart.parse(contentType, body);
    }
  }

  private record Answer(int status, String body) {}

  private final LoopbackServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Map<String, String> filePaths = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong(9000);

  FakeTelegram() {
    server = new LoopbackServer(this::serve);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** The next send is answered with {@code status} and Telegram's error shape. */
  synchronized FakeTelegram failNext(int status, String description, Integer retryAfter) {
    String params = retryAfter == null ? "" : ",\"parameters\":{\"retry_after\":" + retryAfter + "}";
    script.add(new Answer(status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\""
        + description + "\"" + params + "}"));
    return this;
  }

  /** Serves {@code bytes} as the file {@code fileId}, stored at {@code path}. */
  FakeTelegram file(String fileId, String path, byte[] bytes) {
    filePaths.put(fileId, path);
    files.put(path, bytes.clone());
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  private void serve(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getRawPath();
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    received.add(new Received(ex.getRequestMethod(), path, type, body));
    String filePrefix = "/file/bot" + TOKEN + "/";
    if (path.startsWith(filePrefix) && ex.getRequestMethod().equals("GET")) {
      byte[] file = files.get(path.substring(filePrefix.length()));
      respond(ex, file == null ? 404 : 200, file == null ? new byte[0] : file);
      return;
    }
    String method = path.startsWith("/bot" + TOKEN + "/") ? path.substring(TOKEN.length() + 5) : "";
    String problem = check(ex.getRequestMethod(), method, type, body);
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, ("{\"ok\":false,\"error_code\":400,\"description\":\"fake: " + problem + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (method.equals("getFile")) {
      String fileId = JSON.readTree(body).path("file_id").asText();
      String filePath = filePaths.get(fileId);
      respond(ex, filePath == null ? 400 : 200, (filePath == null
          ? "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}"
          : "{\"ok\":true,\"result\":{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"u\","
              + "\"file_size\":" + files.get(filePath).length + ",\"file_path\":\"" + filePath + "\"}}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    Answer scripted;
    synchronized (this) {
      scripted = script.poll();
    }
    String chat = chatId(type, body);
    respond(ex, scripted == null ? 200 : scripted.status, (scripted != null ? scripted.body
        : "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet() + ",\"from\":{\"id\":123456789,"
            + "\"is_bot\":true,\"first_name\":\"Shop\"},\"chat\":{\"id\":" + chat
            + ",\"type\":\"private\"},\"date\":1764000000}}").getBytes(StandardCharsets.UTF_8));
  }

  /** What the real API would refuse; null if the request is fine. */
  private static String check(String httpMethod, String method, String type, byte[] body) {
    if (!httpMethod.equals("POST")) {
      return "expected POST, got " + httpMethod;
    }
    if (!SENDS.contains(method) && !method.equals("getFile")) {
      return "unknown method or token in path: " + method;
    }
    if (method.equals("sendMessage") || method.equals("getFile")) {
      if (!type.startsWith("application/json")) {
        return method + " expects application/json, got " + type;
      }
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        return "body is not JSON";
      }
      if (method.equals("getFile")) {
        return json.path("file_id").isTextual() ? null : "getFile needs a file_id";
      }
      return json.path("chat_id").isIntegralNumber() && json.path("text").isTextual()
          && !json.get("text").asText().isEmpty() ? null : "sendMessage needs chat_id and text";
    }
    if (!type.startsWith("multipart/form-data; boundary=")) {
      return method + " expects multipart/form-data, got " + type;
    }
    Map<String, Multipart.Part> parts = Multipart.parse(type, body);
    String field = method.substring(4).toLowerCase(java.util.Locale.ROOT);
    if (!parts.containsKey("chat_id") || !parts.containsKey(field) || parts.get(field).fileName() == null) {
      return method + " needs chat_id and a file part named " + field + ", got " + parts.keySet();
    }
    return null;
  }

  private static String chatId(String type, byte[] body) {
    try {
      return type.startsWith("application/json") ? JSON.readTree(body).path("chat_id").asText()
          : Multipart.parse(type, body).get("chat_id").text();
    } catch (IOException e) {
      return "0";
    }
  }

  private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
    LoopbackServer.respond(ex, status, body, Map.of());
  }

  @Override
  public void close() {
    server.close();
  }
}
