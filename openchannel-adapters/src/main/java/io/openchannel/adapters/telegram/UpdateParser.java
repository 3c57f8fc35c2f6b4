package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one Telegram {@code Update} into events. Only {@code message} in a private chat is a
 * customer's message; every other kind is acknowledged and dropped (see {@link TelegramConnector}).
 * Stateless and thread-safe.
 */
final class UpdateParser {
  /** Opens a file's bytes given its {@code file_id}; called lazily, by the engine. */
  private final Function<String, Supplier<InputStream>> files;

  UpdateParser(Function<String, Supplier<InputStream>> files) {
    this.files = files;
  }

  List<InboundEvent> parse(JsonNode update) {
    if (!update.isObject()) {
      throw new InvalidInputException("a Telegram update is a JSON object, got " + update.getNodeType());
    }
    id(update, "update_id", "update"); // required by the Bot API: a body without it is not an update
    JsonNode message = update.get("message");
    if (message == null || !message.isObject()) {
      return List.of(); // edited_message, channel_post, callback_query...: nothing to store
    }
    JsonNode chat = object(message, "chat");
    if (!"private".equals(chat.path("type").asText())) {
      return List.of(); // groups and channels are not one-to-one customer conversations
    }
    String chatId = id(chat, "id", "message.chat");
    // message_id is unique within a chat, and update_id may restart at random after a quiet week
    String channelMessageId = chatId + ":" + id(message, "message_id", "message");
    JsonNode date = message.get("date");
    if (date == null || !date.canConvertToLong()) {
      throw new InvalidInputException("Telegram message " + channelMessageId + " lacks its unix \"date\"");
    }
    String text = message.hasNonNull("text") ? message.get("text").asText()
        : message.path("caption").asText("");
    Optional<InboundAttachment> file = attachment(message);
    if (file.isEmpty() && text.isBlank()) {
      return List.of(); // a service message (pinned, new photo...) or a kind we do not map
    }
    boolean voice = message.hasNonNull("voice");
    return List.of(new InboundMessage(channelMessageId, sender(chatId, message, chat), text, file,
        voice, Instant.ofEpochSecond(date.asLong()), Optional.empty(), Optional.empty()));
  }

  private static SenderProfile sender(String chatId, JsonNode message, JsonNode chat) {
    JsonNode from = message.path("from").isObject() ? message.get("from") : chat;
    Map<String, String> fields = new HashMap<>();
    optional(from, "username").or(() -> optional(chat, "username"))
        .ifPresent(u -> fields.put("telegram", u));
    return new SenderProfile(chatId, optional(from, "first_name"), optional(from, "last_name"), fields);
  }

  private Optional<InboundAttachment> attachment(JsonNode m) {
    if (m.path("photo").isArray() && m.get("photo").size() > 0) {
      JsonNode largest = m.get("photo").get(m.get("photo").size() - 1); // sizes come smallest first
      return Optional.of(file(largest, "photo", ".jpg", "image/jpeg"));
    }
    if (m.path("document").isObject()) {
      return Optional.of(file(m.get("document"), "document", "", "application/octet-stream"));
    }
    if (m.path("voice").isObject()) {
      return Optional.of(file(m.get("voice"), "voice", ".ogg", "audio/ogg"));
    }
    if (m.path("audio").isObject()) {
      return Optional.of(file(m.get("audio"), "audio", ".mp3", "audio/mpeg"));
    }
    if (m.path("video").isObject()) {
      return Optional.of(file(m.get("video"), "video", ".mp4", "video/mp4"));
    }
    if (m.path("sticker").isObject()) {
      JsonNode s = m.get("sticker");
      if (s.path("is_animated").asBoolean()) {
        return Optional.of(file(s, "sticker", ".tgs", "application/x-tgsticker"));
      }
      return Optional.of(s.path("is_video").asBoolean() ? file(s, "sticker", ".webm", "video/webm")
          : file(s, "sticker", ".webp", "image/webp"));
    }
    return Optional.empty();
  }

  /** Telegram gives file_name and mime_type only for some kinds, and even then optionally. */
  private InboundAttachment file(JsonNode f, String kind, String extension, String defaultType) {
    String fileId = optional(f, "file_id").orElseThrow(() ->
        new InvalidInputException("Telegram " + kind + " lacks its file_id"));
    String unique = optional(f, "file_unique_id").orElse(Integer.toHexString(fileId.hashCode()));
    String name = optional(f, "file_name").orElse(kind + "-" + unique + extension);
    String type = optional(f, "mime_type").orElse(defaultType);
    return new InboundAttachment(name, type, files.apply(fileId));
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new InvalidInputException("Telegram message lacks its \"" + field + "\" object");
    }
    return value;
  }

  /** An integer id, exactly: through text, never a double (ids may exceed 2^53). */
  private static String id(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new InvalidInputException("Telegram " + where + " lacks its integer \"" + field + "\"");
    }
    return value.bigIntegerValue().toString();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()
        ? Optional.empty() : Optional.of(value.asText());
  }
}
