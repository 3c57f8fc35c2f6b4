package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code changes[]} of an Instagram entry ({@code field} {@code comments} or
 * {@code live_comments}) into public messages: the comment's id, the commenter's IGSID with the
 * username as contact field {@code instagram}, the text, in the thread of the top-level comment
 * (its {@code parent_id} for a reply, else the comment itself). The account's own comments are
 * dropped, as are mentions and other fields.
 */
final class InstagramComments {
  private InstagramComments() {}

  static List<InboundEvent> parse(JsonNode entry, String ownId, Instant fallback) {
    List<InboundEvent> events = new ArrayList<>();
    Instant entryTime = FeedParser.epoch(entry.path("time")).orElse(fallback);
    for (JsonNode change : entry.path("changes")) {
      String field = change.path("field").asText("");
      if (!field.equals("comments") && !field.equals("live_comments")) {
        continue;
      }
      JsonNode value = change.path("value");
      Optional<String> id = Ids.of(value.path("id"));
      Optional<String> from = Ids.of(value.path("from").path("id"));
      String text = value.path("text").asText("");
      if (id.isEmpty() || from.isEmpty() || from.get().equals(ownId) || text.isBlank()) {
        continue;
      }
      String username = value.path("from").path("username").asText("").strip();
      SenderProfile sender = new SenderProfile(from.get(), Optional.empty(), Optional.empty(),
          username.isEmpty() ? Map.of() : Map.of("instagram", username));
      Instant at = FeedParser.epoch(value.path("timestamp")).orElse(entryTime);
      String thread = Ids.of(value.path("parent_id")).orElse(id.get());
      events.add(new InboundMessage(id.get(), sender, text, Optional.empty(), false, at,
          Optional.empty(), Optional.empty()).inPublicThread(thread));
    }
    return events;
  }
}
