package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code changes[]} of a Page's webhook entry ({@code field:"feed"}) into public
 * messages (S23). What it keeps and why:
 * <ul>
 *   <li>a comment ({@code item:"comment", verb:"add"}) is a message with the comment's id, in the
 *       public thread of its top-level comment: the comment itself, or its {@code parent_id} when
 *       it answers another comment. A customer's back-and-forth under one comment is thus one
 *       conversation, and an agent's reply lands in that thread;
 *   <li>a visitor's post ({@code item} post, status, photo or video, {@code verb:"add"}) is a
 *       message with the post's id, in the post's own thread;
 *   <li>a photo or video on a comment or post becomes the attachment, downloaded only when the
 *       engine asks;
 *   <li>the Page's own comments and posts (our replies, the Page's publishing) are not customer
 *       messages; {@code edited} (the engine keeps what the customer first wrote), {@code remove}
 *       and {@code hide} (the record of what was said stays), reactions and likes are
 *       acknowledged and dropped.
 * </ul>
 */
final class FeedParser {
  private static final Set<String> POSTS = Set.of("post", "status", "photo", "video", "share");
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private final GraphApi api;
  private final Clock clock;

  FeedParser(GraphApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  List<InboundEvent> parse(JsonNode entry, String pageId) {
    List<InboundEvent> events = new ArrayList<>();
    Instant entryTime = epoch(entry.path("time")).orElseGet(clock::instant);
    for (JsonNode change : entry.path("changes")) {
      if (change.path("field").asText("").equals("feed")) {
        message(change.path("value"), pageId, entryTime).ifPresent(events::add);
      }
    }
    return events;
  }

  private Optional<InboundEvent> message(JsonNode value, String pageId, Instant entryTime) {
    String item = value.path("item").asText("");
    Optional<String> from = Ids.of(value.path("from").path("id"));
    if (!value.path("verb").asText("").equals("add") || from.isEmpty() || from.get().equals(pageId)) {
      return Optional.empty();
    }
    Optional<String> id;
    Optional<String> thread;
    if (item.equals("comment")) {
      id = Ids.of(value.path("comment_id"));
      Optional<String> parent = Ids.of(value.path("parent_id"));
      Optional<String> post = Ids.of(value.path("post_id"));
      thread = parent.isPresent() && !parent.equals(post) ? parent : id;
    } else if (POSTS.contains(item)) {
      id = Ids.of(value.path("post_id"));
      thread = id;
    } else {
      return Optional.empty();
    }
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String text = value.path("message").asText("");
    Optional<InboundAttachment> file = media(value, id.get());
    if (text.isBlank() && file.isEmpty()) {
      return Optional.empty(); // a sticker or a share we cannot show: nothing to answer
    }
    Instant at = epoch(value.path("created_time")).orElse(entryTime);
    return Optional.of(new InboundMessage(id.get(), profile(from.get(), value.path("from").path("name")),
        text, file, false, at, Optional.empty(), Optional.empty()).inPublicThread(thread.get()));
  }

  private Optional<InboundAttachment> media(JsonNode value, String id) {
    // A photo before a video: a fixed order, so the same delivery always parses the same.
    for (Map.Entry<String, String> kind : List.of(Map.entry("photo", "image"), Map.entry("video", "video"))) {
      JsonNode node = value.path(kind.getKey());
      String url = node.isTextual() ? node.asText() : node.path("url").asText("");
      if (url.startsWith("https://") || url.startsWith("http://")) {
        try {
          URI uri = URI.create(url);
          MediaNames.Named named = MediaNames.of(kind.getValue(), uri, kind.getKey() + "-" + id);
          return Optional.of(new InboundAttachment(named.fileName(), named.contentType(),
              api.download(uri, Optional.empty())));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** "Mia Rossi" as first and last name; one word is a first name. */
  static SenderProfile profile(String id, JsonNode name) {
    String full = name.asText("").strip();
    int space = full.indexOf(' ');
    return space < 0 ? SenderProfile.of(id, full.isEmpty() ? null : full, null)
        : SenderProfile.of(id, full.substring(0, space), full.substring(space + 1));
  }

  /** Feed times are Unix seconds, sometimes Graph's "2025-11-24T16:00:00+0000". */
  static Optional<Instant> epoch(JsonNode node) {
    if (node.canConvertToLong() && node.asLong() > 0) {
      long v = node.asLong();
      return Optional.of(v < 100_000_000_000L ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v));
    }
    if (node.isTextual()) {
      try {
        return Optional.of(OffsetDateTime.parse(node.asText(), GRAPH_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
