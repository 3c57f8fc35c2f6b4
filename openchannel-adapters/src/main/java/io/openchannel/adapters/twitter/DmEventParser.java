package io.openchannel.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.contact.ContactFields;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Turns one Account Activity delivery into events; see {@link XConnector} for what becomes what.
 * Stateless and thread-safe.
 */
final class DmEventParser {
  /** Opens a DM media file (it needs the user's token); called lazily, by the engine. */
  private final Function<URI, Supplier<InputStream>> media;

  DmEventParser(Function<URI, Supplier<InputStream>> media) {
    this.media = media;
  }

  List<InboundEvent> parse(JsonNode delivery, XAccount account) {
    if (!delivery.isObject()) {
      throw new InvalidInputException("an Account Activity delivery is a JSON object, got "
          + delivery.getNodeType());
    }
    String forUser = delivery.path("for_user_id").asText("");
    if (!forUser.isEmpty() && !forUser.equals(account.userId())) {
      throw new InvalidInputException("the delivery is for X user " + forUser + ", but this account is "
          + account.userId() + "; check which webhook subscription points here");
    }
    JsonNode users = delivery.path("users");
    List<InboundEvent> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode event : delivery.path("direct_message_events")) {
      if (!"message_create".equals(event.path("type").asText())) {
        continue;
      }
      String id = id(event, "id", "direct message event");
      if (!seen.add(id)) {
        continue; // X may repeat an event within one delivery
      }
      JsonNode create = event.path("message_create");
      String sender = id(create, "sender_id", "message_create of event " + id);
      if (sender.equals(account.userId())) {
        continue; // our own message, echoed back: the engine already has it
      }
      message(id, event, create, sender, users).ifPresent(events::add);
    }
    for (JsonNode read : delivery.path("direct_message_mark_read_events")) {
      receipt(read, account).ifPresent(events::add);
    }
    // direct_message_indicate_typing_events and every other kind are acknowledged, not stored
    return events;
  }

  private Optional<InboundEvent> message(String id, JsonNode event, JsonNode create, String sender,
      JsonNode users) {
    JsonNode data = create.path("message_data");
    Optional<JsonNode> mediaNode = Optional.of(data.path("attachment"))
        .filter(a -> "media".equals(a.path("type").asText()) && a.path("media").isObject())
        .map(a -> a.get("media"));
    String text = text(data, mediaNode);
    Optional<InboundAttachment> file = mediaNode.map(this::file);
    if (text.isBlank() && file.isEmpty()) {
      return Optional.empty(); // nothing a person could read
    }
    return Optional.of(new InboundMessage(id, profile(sender, users), text, file, false,
        timestamp(event, id), Optional.empty(), Optional.empty()));
  }

  /**
   * The text as the customer wrote it: X shortens links to t.co and appends the media's own
   * t.co link; we put the real links back and drop the media's, which is the attachment itself.
   */
  private static String text(JsonNode data, Optional<JsonNode> media) {
    String text = data.path("text").asText("");
    String mediaUrl = media.map(m -> m.path("url").asText("")).orElse("");
    if (!mediaUrl.isEmpty() && text.contains(mediaUrl)) {
      // First, or its entity would expand it into the text; the space X put before it goes too.
      text = text.replace(mediaUrl, "").strip();
    }
    for (JsonNode url : data.path("entities").path("urls")) {
      String shortUrl = url.path("url").asText("");
      String expanded = url.path("expanded_url").asText("");
      if (!shortUrl.isEmpty() && !expanded.isEmpty() && !shortUrl.equals(mediaUrl)) {
        text = text.replace(shortUrl, expanded);
      }
    }
    return text; // otherwise exactly as written, spaces and all
  }

  private InboundAttachment file(JsonNode m) {
    String type = m.path("type").asText("photo");
    String mediaId = m.path("id_str").asText(m.path("id").asText("media"));
    if (type.equals("video") || type.equals("animated_gif")) {
      // The best mp4 variant: X lists several bitrates and an HLS playlist.
      Optional<JsonNode> best = StreamSupport.stream(m.path("video_info").path("variants").spliterator(), false)
          .filter(v -> "video/mp4".equals(v.path("content_type").asText()) && v.hasNonNull("url"))
          .max(Comparator.comparingLong(v -> v.path("bitrate").asLong(0)));
      if (best.isPresent()) {
        return new InboundAttachment(type + "-" + mediaId + ".mp4", "video/mp4",
            media.apply(uri(best.get().get("url").asText())));
      }
    }
    String url = m.path("media_url_https").asText("");
    if (url.isEmpty()) {
      throw new InvalidInputException("X media " + mediaId + " has no media_url_https");
    }
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    String contentType = lower.endsWith(".png") ? "image/png" : lower.endsWith(".gif") ? "image/gif"
        : lower.endsWith(".webp") ? "image/webp" : "image/jpeg";
    String extension = contentType.substring(6).replace("jpeg", "jpg");
    return new InboundAttachment("photo-" + mediaId + "." + extension, contentType, media.apply(uri(url)));
  }

  private static URI uri(String url) {
    try {
      URI uri = URI.create(url);
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("X media URL is not an http(s) URL: " + url);
    }
  }

  /** The customer read our messages up to {@code last_read_event_id}. */
  private static Optional<InboundEvent> receipt(JsonNode read, XAccount account) {
    String reader = read.path("sender_id").asText("");
    String last = read.path("last_read_event_id").asText("");
    if (reader.isEmpty() || reader.equals(account.userId()) || last.isEmpty()) {
      return Optional.empty(); // our own account reading the customer's messages
    }
    Instant at = timestamp(read, last);
    // The watermark covers our earlier messages too: reading the last one means reading them all.
    return Optional.of(new DeliveryReceipt(reader, List.of(last), Optional.of(at), DeliveryStatus.READ,
        Optional.empty(), at));
  }

  private static SenderProfile profile(String sender, JsonNode users) {
    JsonNode user = users.path(sender);
    Map<String, String> fields = new HashMap<>();
    Optional<String> screenName = optional(user, "screen_name");
    screenName.ifPresent(s -> fields.put(ContactFields.TWITTER, s));
    Optional<String> name = optional(user, "name").map(String::strip);
    if (name.isEmpty()) {
      return new SenderProfile(sender, screenName.map(s -> "@" + s), Optional.empty(), fields);
    }
    int space = name.get().indexOf(' ');
    return space < 0 ? new SenderProfile(sender, name, Optional.empty(), fields)
        : new SenderProfile(sender, Optional.of(name.get().substring(0, space)),
            Optional.of(name.get().substring(space + 1)), fields);
  }

  private static Instant timestamp(JsonNode event, String id) {
    String ms = event.path("created_timestamp").asText("");
    if (!ms.matches("[0-9]{1,15}")) {
      throw new InvalidInputException("X event " + id + " lacks its created_timestamp (epoch ms), got \""
          + ms + "\"");
    }
    return Instant.ofEpochMilli(Long.parseLong(ms));
  }

  /** Ids are strings in these payloads; numbers are accepted too, exactly, never as doubles. */
  private static String id(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    String id = value == null ? "" : value.isIntegralNumber() ? value.bigIntegerValue().toString()
        : value.isTextual() ? value.asText() : "";
    if (!id.matches("[0-9]{1,30}")) {
      throw new InvalidInputException("X " + where + " lacks its numeric \"" + field + "\"");
    }
    return id;
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty() : Optional.of(value.asText());
  }
}
