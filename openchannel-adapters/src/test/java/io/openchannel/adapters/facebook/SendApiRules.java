package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.adapters.internal.meta.FakeGraph;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Graph API checks of Send API, comment and reply calls, and what it answers, from
 * the documented shapes. Installed on a {@link FakeGraph} by {@link #install}.
 */
final class SendApiRules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG");
  private static final Set<String> TAGS = Set.of("CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE",
      "ACCOUNT_UPDATE", "HUMAN_AGENT");

  private SendApiRules() {}

  static FakeGraph install(FakeGraph fake) {
    AtomicLong ids = new AtomicLong(1000);
    return fake.rules(SendApiRules::check).answers(r -> {
      long n = ids.incrementAndGet();
      if (r.edge().endsWith("/messages")) {
        return "{\"recipient_id\":\"" + FacebookFixtures.PSID + "\",\"message_id\":\"m_sent-" + n + "\"}";
      }
      return "{\"id\":\"" + r.edge().split("/")[0] + "_" + n + "\"}";
    });
  }

  static String check(FakeGraph.Received r) {
    String[] edge = r.edge().split("/");
    if (!r.method().equals("POST") || edge.length != 2) {
      return "expected POST /{id}/{edge}, got " + r.method() + " " + r.edge();
    }
    return switch (edge[1]) {
      case "messages" -> messages(edge[0], r);
      case "comments", "replies" -> comment(r);
      default -> "unknown edge " + edge[1];
    };
  }

  private static String messages(String id, FakeGraph.Received r) {
    if (!id.equals(FacebookFixtures.PAGE_ID) && !id.equals(FacebookFixtures.IG_ID)) {
      return "messages are sent on the Page or Instagram account id, got " + id;
    }
    JsonNode recipient;
    JsonNode message;
    String type;
    String tag;
    if (r.contentType().startsWith("multipart/")) {
      Map<String, FakeGraph.Part> parts = r.parts();
      if (!parts.containsKey("filedata") || parts.get("filedata").fileName() == null) {
        return "an upload needs a filedata file part, got " + parts.keySet();
      }
      recipient = parse(parts.get("recipient"));
      message = parse(parts.get("message"));
      type = parts.containsKey("messaging_type") ? parts.get("messaging_type").text() : "";
      tag = parts.containsKey("tag") ? parts.get("tag").text() : null;
      if (!Set.of("image", "video", "audio", "file").contains(message.path("attachment").path("type").asText())) {
        return "message.attachment.type must be image, video, audio or file: " + message;
      }
    } else {
      JsonNode body = r.json();
      recipient = body.path("recipient");
      message = body.path("message");
      type = body.path("messaging_type").asText("");
      tag = body.has("tag") ? body.get("tag").asText() : null;
      String text = message.path("text").asText("");
      if (text.isEmpty() || text.length() > 2000) {
        return "message.text must be 1-2000 characters, got " + text.length();
      }
    }
    if (!(recipient.path("id").isTextual() || recipient.path("comment_id").isTextual())) {
      return "recipient needs an id or a comment_id as a string: " + recipient;
    }
    if (!TYPES.contains(type)) {
      return "messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG, got " + type;
    }
    if (type.equals("MESSAGE_TAG") != (tag != null) || (tag != null && !TAGS.contains(tag))) {
      return "a known tag goes with MESSAGE_TAG and only with it; type " + type + ", tag " + tag;
    }
    return null;
  }

  private static String comment(FakeGraph.Received r) {
    if (r.contentType().startsWith("multipart/")) {
      Map<String, FakeGraph.Part> parts = r.parts();
      return parts.containsKey("source") && parts.get("source").fileName() != null ? null
          : "a photo comment needs a source file part, got " + parts.keySet();
    }
    String text = r.json().path("message").asText("");
    return text.isEmpty() ? "a comment needs a message" : null;
  }

  private static JsonNode parse(FakeGraph.Part part) {
    try {
      return part == null ? JSON.missingNode() : JSON.readTree(part.text());
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
