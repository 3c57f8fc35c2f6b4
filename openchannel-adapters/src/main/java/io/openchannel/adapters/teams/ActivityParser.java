package io.openchannel.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.interaction.Visibility;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one Bot Framework activity into events; see {@link TeamsConnector} for what becomes what.
 * Stateless and thread-safe.
 */
final class ActivityParser {
  static final String FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";
  /** Contact field with the sender's Entra ID (AAD) object id, when Teams gives it. */
  static final String AAD_OBJECT_ID_FIELD = "aadObjectId";

  /** Opens a file: the URL, and whether the bot's token must go along (inline images). */
  interface Files {
    Supplier<InputStream> open(URI url, boolean withBotToken);
  }

  /** The routing facts of an activity, remembered for replies. */
  record Route(String conversationId, URI serviceUrl) {}

  private final Files files;
  private final java.time.Clock clock;

  ActivityParser(Files files, java.time.Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  /** The activity's conversation and serviceUrl; every activity has both. */
  static Route route(JsonNode activity) {
    String conversationId = text(activity.path("conversation"), "id").orElseThrow(() ->
        new InvalidInputException("the activity lacks conversation.id"));
    String serviceUrl = text(activity, "serviceUrl").orElseThrow(() ->
        new InvalidInputException("the activity lacks its serviceUrl"));
    URI url;
    try {
      url = URI.create(serviceUrl);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("the activity's serviceUrl is not a URL: " + serviceUrl);
    }
    return new Route(conversationId, url);
  }

  List<InboundEvent> parse(JsonNode activity, Route route) {
    if (!"message".equals(activity.path("type").asText())) {
      return List.of(); // conversationUpdate, messageReaction, typing, invoke...: acknowledged only
    }
    String activityId = text(activity, "id").orElseThrow(() ->
        new InvalidInputException("the message activity lacks its id"));
    JsonNode from = activity.path("from");
    String senderId = text(from, "id").orElseThrow(() ->
        new InvalidInputException("message activity " + activityId + " lacks from.id"));
    // Activity ids are unique within a conversation only (in personal chats they are timestamps).
    String channelMessageId = route.conversationId() + "|" + activityId;
    if (channelMessageId.length() > 512) {
      throw new InvalidInputException("conversation and activity ids of " + activityId
          + " are longer than the 512 characters a channel message id may have");
    }
    if (route.conversationId().length() > 256) {
      throw new InvalidInputException("conversation.id is " + route.conversationId().length()
          + " characters; at most 256 fit a conversation's thread id");
    }
    String text = withoutBotMention(activity);
    List<InboundAttachment> attached = attachments(activity, route);
    if (text.isBlank() && attached.isEmpty()) {
      return List.of(); // a card action or an attachment kind we do not keep
    }
    Instant sentAt = timestamp(activity);
    SenderProfile sender = sender(senderId, from);
    Visibility visibility = "personal".equals(activity.path("conversation").path("conversationType")
        .asText("personal")) ? Visibility.PRIVATE : Visibility.PUBLIC;
    List<InboundEvent> events = new ArrayList<>();
    // The engine keeps one file per message: the first rides with the text, others follow alone.
    for (int i = 0; i < Math.max(1, attached.size()); i++) {
      Optional<InboundAttachment> file = i < attached.size() ? Optional.of(attached.get(i)) : Optional.empty();
      events.add(new InboundMessage(i == 0 ? channelMessageId : channelMessageId + "#" + (i + 1),
          sender, i == 0 ? text : "", file, false, sentAt, Optional.of(visibility),
          Optional.of(route.conversationId())));
    }
    return events;
  }

  /** In chats and channels the bot is @-mentioned; that mention is addressing, not content. */
  private static String withoutBotMention(JsonNode activity) {
    String text = activity.path("text").asText("");
    String botId = activity.path("recipient").path("id").asText("");
    for (JsonNode entity : activity.path("entities")) {
      if ("mention".equals(entity.path("type").asText()) && !botId.isEmpty()
          && botId.equals(entity.path("mentioned").path("id").asText()) && entity.hasNonNull("text")) {
        text = text.replace(entity.get("text").asText(), "").strip(); // and the space after it
      }
    }
    return text; // otherwise exactly as written
  }

  private List<InboundAttachment> attachments(JsonNode activity, Route route) {
    List<InboundAttachment> out = new ArrayList<>();
    int n = 0;
    for (JsonNode a : activity.path("attachments")) {
      n++;
      String type = a.path("contentType").asText("").toLowerCase(Locale.ROOT);
      if (type.equals(FILE_DOWNLOAD_INFO)) {
        String url = text(a.path("content"), "downloadUrl").orElseThrow(() ->
            new InvalidInputException("a Teams file attachment lacks content.downloadUrl"));
        String fileType = a.path("content").path("fileType").asText("");
        String name = text(a, "name").orElse("file-" + n + (fileType.isEmpty() ? "" : "." + fileType));
        // The download URL is pre-authenticated: our token must not go to SharePoint.
        out.add(new InboundAttachment(name, guessType(name), files.open(safe(url, "downloadUrl"), false)));
      } else if (type.startsWith("image/") && a.hasNonNull("contentUrl")) {
        URI url = safe(a.get("contentUrl").asText(), "contentUrl");
        // Inline images live on the Bot Framework service and need the bot's token; elsewhere not.
        boolean ours = url.getHost() != null && url.getHost().equalsIgnoreCase(route.serviceUrl().getHost());
        // Pasted images come as "image/*"; Teams stores them as PNG.
        String concrete = type.equals("image/*") ? "image/png" : type;
        String name = text(a, "name").orElse("image-" + n + "."
            + concrete.substring(6).replaceAll("[^a-z0-9]", "").replace("jpeg", "jpg"));
        out.add(new InboundAttachment(name, concrete, files.open(url, ours)));
      }
      // text/html (a formatted copy of the text), cards and unknown kinds are not files
    }
    return out;
  }

  private static URI safe(String url, String what) {
    try {
      return SafeUrls.requireHttps(URI.create(url), "attachment " + what);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("attachment " + what + " is not a URL: " + url);
    }
  }

  private static String guessType(String name) {
    String guessed = URLConnection.guessContentTypeFromName(name);
    return guessed == null ? "application/octet-stream" : guessed;
  }

  private Instant timestamp(JsonNode activity) {
    Optional<String> ts = text(activity, "timestamp");
    if (ts.isEmpty()) {
      return clock.instant(); // optional in the schema; our clock is the best we have
    }
    try {
      return OffsetDateTime.parse(ts.get()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("the activity's timestamp is not ISO-8601: " + ts.get());
    }
  }

  /** Teams gives one display name; "Last, First" is common in enterprises, else "First Last". */
  private static SenderProfile sender(String id, JsonNode from) {
    Map<String, String> fields = new HashMap<>();
    text(from, "aadObjectId").ifPresent(v -> fields.put(AAD_OBJECT_ID_FIELD, v));
    Optional<String> name = text(from, "name").map(String::strip);
    Optional<String> first = Optional.empty();
    Optional<String> last = Optional.empty();
    if (name.isPresent()) {
      String n = name.get();
      int comma = n.indexOf(", ");
      int space = n.indexOf(' ');
      if (comma > 0) {
        last = Optional.of(n.substring(0, comma));
        first = Optional.of(n.substring(comma + 2));
      } else if (space > 0) {
        first = Optional.of(n.substring(0, space));
        last = Optional.of(n.substring(space + 1));
      } else {
        first = name;
      }
    }
    return new SenderProfile(id, first, last, fields);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty() : Optional.of(value.asText());
  }
}
