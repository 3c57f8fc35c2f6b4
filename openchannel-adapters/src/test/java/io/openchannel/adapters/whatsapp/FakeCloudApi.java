package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.adapters.internal.meta.FakeGraph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WhatsApp Cloud API of one number on loopback, on top of the shared {@link FakeGraph}
 * (which checks the version, the bearer token, methods and content types). It adds the Cloud
 * API's own rules for every call: the shape of each message type on {@code /messages}, the
 * multipart fields of {@code /media}, known media ids on {@code GET /{media-id}}, and that media
 * downloads carry the token. Broken rules are answered like Meta would (error 100) and listed in
 * {@link #problems()}.
 */
final class FakeCloudApi implements AutoCloseable {
  static final String VERSION = FakeGraph.VERSION;
  private static final Set<String> TYPES = Set.of("text", "image", "video", "audio", "document",
      "sticker", "template");
  private static final String MEDIA_PATH = "/whatsapp-media/";

  private final FakeGraph graph = new FakeGraph(WhatsAppFixtures.TOKEN);
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, String> mediaTypes = new ConcurrentHashMap<>();

  FakeCloudApi() {
    graph.rules(this::check).answers(this::answer);
  }

  String baseUrl() {
    return graph.baseUrl();
  }

  /** Serves {@code bytes} as the inbound media {@code mediaId}. */
  FakeCloudApi media(String mediaId, String mimeType, byte[] bytes) {
    mediaTypes.put(mediaId, mimeType);
    graph.file(MEDIA_PATH + mediaId + "/", bytes);
    return this;
  }

  /** The next call is answered with a Cloud API error. */
  FakeCloudApi failNext(int status, int code, String title, String details, Map<String, String> headers) {
    graph.answerNext(status, "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":"
        + "\"OAuthException\",\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\","
        + "\"details\":\"" + details + "\"},\"fbtrace_id\":\"A1b2C3d4\"}}", headers);
    return this;
  }

  /** Every call, in order. */
  List<FakeGraph.Received> received() {
    return graph.received();
  }

  /** The calls to {@code /messages}, in order. */
  List<JsonNode> sent() {
    return graph.received().stream().filter(r -> r.path().endsWith("/messages"))
        .map(FakeGraph.Received::json).toList();
  }

  FakeGraph.Received last() {
    return graph.last();
  }

  /** Every broken rule; a test's teardown asserts there are none. */
  List<String> problems() {
    List<String> all = new ArrayList<>(graph.problems());
    for (FakeGraph.Received r : graph.received()) {
      if (r.path().startsWith(MEDIA_PATH) && !List.of("Bearer " + WhatsAppFixtures.TOKEN)
          .equals(header(r, "Authorization"))) {
        all.add("a media download must carry the bearer token: " + r.path());
      }
    }
    return all;
  }

  private static List<String> header(FakeGraph.Received r, String name) {
    return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).findFirst().orElse(List.of());
  }

  /** What the real Cloud API would refuse; null if the call is fine. */
  private String check(FakeGraph.Received r) {
    String edge = r.edge();
    if (r.method().equals("GET")) {
      return mediaTypes.containsKey(edge) ? null : "GET of an unknown media id: " + edge;
    }
    if (edge.equals(WhatsAppFixtures.PHONE_NUMBER_ID + "/media")) {
      return checkUpload(r);
    }
    if (!edge.equals(WhatsAppFixtures.PHONE_NUMBER_ID + "/messages")) {
      return "unexpected POST " + r.path();
    }
    if (!r.contentType().startsWith("application/json")) {
      return "/messages takes JSON";
    }
    return checkMessage(r.json());
  }

  private static String checkMessage(JsonNode m) {
    if (!"whatsapp".equals(m.path("messaging_product").asText())) {
      return "messaging_product must be whatsapp";
    }
    if (!"individual".equals(m.path("recipient_type").asText())
        || !m.path("to").asText().matches("[0-9]{6,30}")) {
      return "recipient_type individual and a wa_id in to are required";
    }
    String type = m.path("type").asText();
    JsonNode content = m.path(type);
    if (!TYPES.contains(type) || !content.isObject()) {
      return "type must be one of " + TYPES + " with its object, got " + type;
    }
    switch (type) {
      case "text":
        String body = content.path("body").asText("");
        return body.isEmpty() || body.length() > 4096 ? "text.body must be 1-4096 characters" : null;
      case "template":
        if (content.path("name").asText("").isEmpty()
            || content.path("language").path("code").asText("").isEmpty()) {
          return "a template needs name and language.code";
        }
        for (JsonNode c : content.path("components")) {
          for (JsonNode p : c.path("parameters")) {
            if (!"text".equals(p.path("type").asText()) || !p.path("text").isTextual()) {
              return "template parameters must be {type:text, text}";
            }
          }
        }
        return null;
      default:
        if (content.has("id") == content.has("link")) {
          return type + " needs exactly one of id and link";
        }
        if (type.equals("audio") && content.has("caption")) {
          return "audio cannot have a caption";
        }
        if (content.has("filename") && !type.equals("document")) {
          return "only a document has a filename";
        }
        return null;
    }
  }

  private static String checkUpload(FakeGraph.Received r) {
    if (!r.contentType().startsWith("multipart/form-data")) {
      return "/media takes multipart/form-data";
    }
    Map<String, FakeGraph.Part> parts = r.parts();
    FakeGraph.Part file = parts.get("file");
    if (parts.get("messaging_product") == null || !"whatsapp".equals(parts.get("messaging_product").text())
        || parts.get("type") == null || file == null || file.fileName() == null
        || !parts.get("type").text().equals(file.contentType())) {
      return "/media needs messaging_product=whatsapp, type and a file part of that type, got "
          + parts.keySet();
    }
    return null;
  }

  private String answer(FakeGraph.Received r) {
    String edge = r.edge();
    if (r.method().equals("GET")) {
      return "{\"messaging_product\":\"whatsapp\",\"url\":\"" + baseUrl() + MEDIA_PATH + edge
          + "/?ext=1732000000&hash=ATuF\",\"mime_type\":\"" + mediaTypes.get(edge)
          + "\",\"sha256\":\"abc\",\"file_size\":7,\"id\":\"" + edge + "\"}";
    }
    if (edge.endsWith("/media")) {
      return "{\"id\":\"" + (4490000000000000L + ids.incrementAndGet()) + "\"}";
    }
    String to = r.json().path("to").asText();
    return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
        + to + "\"}],\"messages\":[{\"id\":\"wamid.fake-" + ids.incrementAndGet() + "\"}]}";
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    graph.close();
  }
}
