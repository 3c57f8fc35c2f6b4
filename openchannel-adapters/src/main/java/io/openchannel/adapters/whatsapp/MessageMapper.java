package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one entry of {@code value.messages[]} into an {@link InboundMessage}. Every type becomes
 * something an agent can see; what each becomes is listed on {@link WhatsAppConnector}. Types we
 * do not know become a bracketed placeholder rather than an error, so a new WhatsApp feature
 * never stops a conversation. Stateless and thread-safe.
 */
final class MessageMapper {
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("image/jpeg", ".jpg"), Map.entry("image/png", ".png"),
      Map.entry("image/webp", ".webp"), Map.entry("video/mp4", ".mp4"),
      Map.entry("video/3gpp", ".3gp"), Map.entry("audio/ogg", ".ogg"),
      Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/mp4", ".m4a"),
      Map.entry("audio/aac", ".aac"), Map.entry("audio/amr", ".amr"),
      Map.entry("application/pdf", ".pdf"), Map.entry("text/plain", ".txt"));
  private static final Map<String, String> DEFAULT_TYPES = Map.of(
      "image", "image/jpeg", "video", "video/mp4", "audio", "audio/ogg",
      "document", "application/octet-stream", "sticker", "image/webp");

  /** A type/subtype with optional parameters, printable and short: anything else is not believed. */
  private static final Pattern MIME =
      Pattern.compile("[A-Za-z0-9][\\w.+-]{0,63}/[\\w.+-]{1,127}(;[ -~]{0,60})?");

  private final MediaSource media;

  MessageMapper(MediaSource media) {
    this.media = media;
  }

  InboundMessage map(JsonNode m, SenderProfile sender) {
    String id = Json.required(m, "id", "message");
    Instant sentAt = Json.seconds(m, "message " + id);
    String type = Json.optional(m, "type").orElse("unknown");
    switch (type) {
      case "text":
        return text(id, sender, sentAt, Json.object(m, "text").path("body").asText(""), m);
      case "image":
      case "video":
      case "audio":
      case "document":
      case "sticker":
        return file(id, sender, sentAt, type, Json.object(m, type), m);
      case "location":
        return text(id, sender, sentAt, location(Json.object(m, "location")), m);
      case "contacts":
        return text(id, sender, sentAt, contacts(m.path("contacts")), m);
      case "interactive":
        return text(id, sender, sentAt, interactive(Json.object(m, "interactive")), m);
      case "button":
        return text(id, sender, sentAt, Json.optional(Json.object(m, "button"), "text")
            .or(() -> Json.optional(Json.object(m, "button"), "payload")).orElse("[button]"), m);
      case "reaction":
        return text(id, sender, sentAt, Json.optional(Json.object(m, "reaction"), "emoji")
            .map(e -> "[reaction] " + e).orElse("[reaction removed]"), m);
      case "order":
        return text(id, sender, sentAt, order(Json.object(m, "order")), m);
      case "system":
        return text(id, sender, sentAt, "[system] " + Json.optional(Json.object(m, "system"), "body")
            .orElse(Json.optional(Json.object(m, "system"), "type").orElse("notice")), m);
      default:
        return text(id, sender, sentAt, unsupported(type, m), m);
    }
  }

  /** Text exactly as sent; a blank text (never seen, but possible) becomes a placeholder. */
  private static InboundMessage text(String id, SenderProfile sender, Instant at, String text,
      JsonNode m) {
    String shown = text.isBlank() ? unsupported(Json.optional(m, "type").orElse("unknown"), m) : text;
    return InboundMessage.text(id, sender, shown, at);
  }

  private InboundMessage file(String id, SenderProfile sender, Instant at, String type, JsonNode f,
      JsonNode m) {
    Optional<String> mediaId = Json.optional(f, "id");
    if (mediaId.isEmpty()) {
      return text(id, sender, at, "[" + type + " without a media id]", m);
    }
    String contentType = Json.optional(f, "mime_type").filter(t -> MIME.matcher(t).matches())
        .orElse(DEFAULT_TYPES.get(type));
    String name = Json.optional(f, "filename").map(MessageMapper::safeFileName)
        .orElse(type + "-" + mediaId.get() + extension(contentType));
    boolean voice = type.equals("audio") && f.path("voice").asBoolean(false);
    String caption = Json.optional(f, "caption").orElse("");
    return new InboundMessage(id, sender, caption,
        Optional.of(new InboundAttachment(name, contentType, media.open(mediaId.get()))), voice, at,
        Optional.empty(), Optional.empty());
  }

  private static String location(JsonNode l) {
    List<String> words = new ArrayList<>();
    Json.optional(l, "name").ifPresent(words::add);
    Json.optional(l, "address").ifPresent(words::add);
    String lat = Json.optional(l, "latitude").orElse("?");
    String lon = Json.optional(l, "longitude").orElse("?");
    return "[location] " + (words.isEmpty() ? "" : String.join(", ", words) + " ")
        + "(" + lat + ", " + lon + ") https://maps.google.com/?q=" + lat + "," + lon;
  }

  private static String contacts(JsonNode list) {
    List<String> cards = new ArrayList<>();
    for (JsonNode c : list) {
      List<String> parts = new ArrayList<>();
      Json.optional(Json.object(c, "name"), "formatted_name").ifPresent(parts::add);
      c.path("phones").forEach(p -> Json.optional(p, "phone").ifPresent(parts::add));
      c.path("emails").forEach(e -> Json.optional(e, "email").ifPresent(parts::add));
      if (!parts.isEmpty()) {
        cards.add(String.join(", ", parts));
      }
    }
    return cards.isEmpty() ? "" : "[contact] " + String.join("; ", cards);
  }

  /** The customer tapped one of our buttons or list rows: the title is what they "said". */
  private static String interactive(JsonNode i) {
    String kind = Json.optional(i, "type").orElse("");
    JsonNode reply = Json.object(i, kind);
    switch (kind) {
      case "button_reply":
      case "list_reply":
        return Json.optional(reply, "title").or(() -> Json.optional(reply, "id")).orElse("");
      case "nfm_reply":
        return "[form reply] " + Json.optional(reply, "response_json")
            .or(() -> Json.optional(reply, "body")).orElse("");
      default:
        return "[interactive " + (kind.isEmpty() ? "reply" : kind) + "]";
    }
  }

  private static String order(JsonNode o) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : o.path("product_items")) {
      items.add(Json.optional(item, "quantity").orElse("1") + " × "
          + Json.optional(item, "product_retailer_id").orElse("?")
          + Json.optional(item, "item_price").map(p -> " at " + p + " "
              + Json.optional(item, "currency").orElse("")).orElse("").stripTrailing());
    }
    return "[order] " + (items.isEmpty() ? "no items" : String.join("; ", items))
        + Json.optional(o, "text").map(t -> " — " + t).orElse("");
  }

  /** The placeholder for a type we cannot show, with WhatsApp's own explanation if it sent one. */
  private static String unsupported(String type, JsonNode m) {
    JsonNode error = m.path("errors").path(0);
    String why = Json.optional(Json.object(error, "error_data"), "details")
        .or(() -> Json.optional(error, "title")).or(() -> Json.optional(error, "message"))
        .map(d -> ": " + d).orElse("");
    return "[unsupported WhatsApp message: " + type + why + "]";
  }

  private static String extension(String contentType) {
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return EXTENSIONS.getOrDefault(bare, "");
  }

  /** A customer's file name, without path separators or control characters, at most 255 long. */
  static String safeFileName(String name) {
    String clean = name.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
    if (clean.isEmpty()) {
      return "document";
    }
    return clean.length() <= 255 ? clean : clean.substring(0, 255);
  }
}
