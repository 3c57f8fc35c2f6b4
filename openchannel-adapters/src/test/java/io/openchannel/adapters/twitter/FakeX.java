package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.LoopbackServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.openchannel.adapters.LoopbackServer;
import io.openchannel.adapters.LoopbackServer.Received;
import io.openchannel.adapters.LoopbackServer.Script;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X API v2 on loopback: {@code POST /2/dm_conversations/with/{id}/messages} and DM media
 * downloads. Every request is checked (method, path, bearer token, JSON body); one that breaks
 * the rules is answered 400 and listed in {@link #problems()}.
 */
final class FakeX implements AutoCloseable {
  static final String TOKEN = "VGhpcyBpcyBhIGZha2UgdXNlciB0b2tlbg:1764000000000:1:0:at:1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Script script = new Script();
  private final Map<String, byte[]> media = new ConcurrentHashMap<>();
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final AtomicLong eventIds = new AtomicLong(1582838000000000000L);

  FakeX() {
    server = new LoopbackServer(this::serve);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** The next send is answered {@code status} with {@code body} and {@code headers}. */
  synchronized FakeX failNext(int status, String body, Map<String, String> headers) {
    script.add(status, body, headers);
    return this;
  }

  FakeX media(String path, byte[] bytes) {
    media.put(path, bytes.clone());
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
    Received r = Received.read(ex);
    String path = r.path();
    received.add(r);
    if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
      respond(ex, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
          + "\"detail\":\"Unauthorized\"}", Map.of());
      return;
    }
    if (r.method().equals("GET") && media.containsKey(path)) {
      respond(ex, 200, media.get(path), Map.of());
      return;
    }
    if (r.method().equals("POST") && path.equals("/2/media/upload")) {
      upload(ex, r);
      return;
    }
    String problem = check(r, uploads.keySet());
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, "{\"title\":\"Invalid Request\",\"detail\":\"fake: " + problem + "\"}", Map.of());
      return;
    }
    if (script.answer(ex)) {
      return;
    }
    String participant = path.split("/")[4];
    respond(ex, 201, "{\"data\":{\"dm_conversation_id\":\"4337869213-" + participant
        + "\",\"dm_event_id\":\"" + eventIds.incrementAndGet() + "\"}}", Map.of());
  }

  /** The one-shot image upload: JSON with base64 media, a DM category and an image type. */
  private void upload(HttpExchange ex, Received r) throws IOException {
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (IOException e) {
      json = JSON.missingNode();
    }
    String problem = !String.valueOf(r.header("Content-Type")).startsWith("application/json")
        ? "upload: expected application/json"
        : !"dm_image".equals(json.path("media_category").asText()) ? "upload: media_category " + json.path("media_category")
        : !json.path("media_type").asText().startsWith("image/") ? "upload: media_type " + json.path("media_type")
        : !json.path("media").isTextual() ? "upload: no media" : null;
    byte[] bytes = null;
    if (problem == null) {
      try {
        bytes = java.util.Base64.getDecoder().decode(json.get("media").asText());
      } catch (IllegalArgumentException e) {
        problem = "upload: media is not base64";
      }
    }
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, "{\"title\":\"Invalid Request\",\"detail\":\"fake: " + problem + "\"}", Map.of());
      return;
    }
    if (script.answer(ex)) {
      return;
    }
    String id = Long.toString(eventIds.incrementAndGet() + 300_000_000_000L);
    uploads.put(id, bytes);
    respond(ex, 200, "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"3_" + id + "\",\"size\":"
        + bytes.length + ",\"expires_after_secs\":86400}}", Map.of());
  }

  /** The bytes uploaded under {@code mediaId}. */
  byte[] uploaded(String mediaId) {
    return uploads.get(mediaId);
  }

  private static String check(Received r, java.util.Set<String> mediaIds) {
    if (!r.method().equals("POST") || !r.path().matches("/2/dm_conversations/with/[0-9]+/messages")) {
      return "unknown endpoint " + r.method() + " " + r.path();
    }
    if (!String.valueOf(r.header("Content-Type")).startsWith("application/json")) {
      return "expected application/json, got " + r.header("Content-Type");
    }
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (IOException e) {
      return "body is not JSON";
    }
    boolean text = json.path("text").isTextual() && !json.get("text").asText().isEmpty();
    if (!text && !json.path("attachments").isArray()) {
      return "a DM needs text or attachments, got " + json;
    }
    if (json.has("attachments") && (json.get("attachments").size() != 1
        || !mediaIds.contains(json.get("attachments").get(0).path("media_id").asText()))) {
      return "a DM takes one attachment with an uploaded media_id, got " + json.get("attachments");
    }
    if (json.path("text").isTextual() && json.get("text").asText().codePointCount(0,
        json.get("text").asText().length()) > 10_000) {
      return "text longer than 10000";
    }
    return null;
  }

  @Override
  public void close() {
    server.close();
  }
}
