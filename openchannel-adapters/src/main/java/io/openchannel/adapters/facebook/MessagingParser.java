package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code messaging[]} items of one webhook entry (Messenger and Instagram share the
 * shape) into events. What it keeps and why:
 * <ul>
 *   <li>{@code message}: text and attachments. Media (image, video, audio, file, sticker) become
 *       attachments downloaded only when the engine asks; links (fallback, share, reels, story
 *       mentions) become text. A message with several files becomes one event per file, the first
 *       with id {@code mid} and the text, the others {@code mid#1}, {@code mid#2}... so the ids are
 *       stable across redeliveries. During the 2026 sticker transition Meta sends a sticker twice,
 *       as {@code image} with a {@code sticker_id} and as {@code sticker}: only the sticker is kept.
 *   <li>echoes ({@code is_echo}) are our own or the Page inbox's messages: not customer messages,
 *       and our sends already know their id, so they are dropped; deleted and unsupported messages
 *       too.
 *   <li>{@code delivery} becomes a {@code DELIVERED} receipt with its {@code mids} and watermark,
 *       {@code read} a {@code READ} receipt for everything up to its watermark (Instagram's
 *       {@code read.mid}: that message and, by the event's time, everything before it).
 *   <li>postbacks, reactions, referrals, opt-ins and handover events are acknowledged and dropped.
 * </ul>
 */
final class MessagingParser {
  private static final Set<String> MEDIA = Set.of("image", "video", "audio", "file", "sticker");

  private final GraphApi api;
  private final Clock clock;
  private final Optional<ProfileLookup> profiles;

  MessagingParser(GraphApi api, Clock clock, Optional<ProfileLookup> profiles) {
    this.api = api;
    this.clock = clock;
    this.profiles = profiles;
  }

  /** The events of {@code entry}'s {@code messaging[]} for the Page or IG {@code account}. */
  List<InboundEvent> parse(JsonNode entry, MetaAccount account) {
    String ownId = account.id();
    List<InboundEvent> events = new ArrayList<>();
    Instant entryTime = instant(entry.path("time")).orElseGet(clock::instant);
    for (JsonNode item : entry.path("messaging")) {
      Optional<String> sender = Ids.of(item.path("sender").path("id"));
      if (sender.isEmpty() || sender.get().equals(ownId)) {
        continue; // nobody to attribute it to, or the Page itself
      }
      Instant at = instant(item.path("timestamp")).orElse(entryTime);
      if (item.path("message").isObject()) {
        message(item.path("message"), account, sender.get(), at, events);
      } else if (item.path("delivery").isObject()) {
        receipt(item.path("delivery"), sender.get(), at, DeliveryStatus.DELIVERED).ifPresent(events::add);
      } else if (item.path("read").isObject()) {
        receipt(item.path("read"), sender.get(), at, DeliveryStatus.READ).ifPresent(events::add);
      }
    }
    return events;
  }

  private void message(JsonNode message, MetaAccount account, String sender, Instant at,
      List<InboundEvent> events) {
    Optional<String> mid = Ids.of(message.path("mid"));
    if (mid.isEmpty() || message.path("is_echo").asBoolean(false)
        || message.path("is_deleted").asBoolean(false) || message.path("is_unsupported").asBoolean(false)) {
      return;
    }
    StringBuilder text = new StringBuilder(message.path("text").asText(""));
    List<Media> files = new ArrayList<>();
    boolean hasSticker = false;
    for (JsonNode a : message.path("attachments")) {
      hasSticker |= a.path("type").asText("").equals("sticker");
    }
    for (JsonNode a : message.path("attachments")) {
      String type = a.path("type").asText("");
      JsonNode payload = a.path("payload");
      Optional<URI> url = url(payload.path("url"));
      if (type.equals("image") && hasSticker && payload.has("sticker_id")) {
        continue; // the transition's image copy of a sticker we keep as "sticker"
      }
      if (MEDIA.contains(type) && url.isPresent()) {
        files.add(new Media(type, url.get()));
      } else {
        link(type, payload, url).ifPresent(l -> text.append(text.length() == 0 ? "" : "\n").append(l));
      }
    }
    if (files.isEmpty() && text.toString().isBlank()) {
      return;
    }
    SenderProfile profile = profiles.map(p -> p.enrich(account, SenderProfile.of(sender)))
        .orElse(SenderProfile.of(sender));
    if (files.isEmpty()) {
      events.add(new InboundMessage(mid.get(), profile, text.toString(), Optional.empty(), false, at,
          Optional.empty(), Optional.empty()));
      return;
    }
    for (int i = 0; i < files.size(); i++) {
      Media m = files.get(i);
      String id = i == 0 ? mid.get() : mid.get() + "#" + i;
      MediaNames.Named named = MediaNames.of(m.type, m.url, m.type + "-" + Integer.toHexString(id.hashCode()));
      InboundAttachment file = new InboundAttachment(named.fileName(), named.contentType(),
          api.download(m.url, Optional.empty()));
      events.add(new InboundMessage(id, profile, i == 0 ? text.toString() : "", Optional.of(file),
          m.type.equals("audio"), at, Optional.empty(), Optional.empty()));
    }
  }

  /** A link-like attachment as a line of text: "title url". */
  private static Optional<String> link(String type, JsonNode payload, Optional<URI> url) {
    String title = payload.path("title").asText(type.equals("story_mention") ? "Mentioned you in a story" : "")
        .strip();
    String line = (title + " " + url.map(URI::toString).orElse("")).strip();
    return line.isEmpty() ? Optional.empty() : Optional.of(line);
  }

  private static Optional<DeliveryReceipt> receipt(JsonNode node, String customer, Instant at,
      DeliveryStatus status) {
    List<String> mids = new ArrayList<>();
    node.path("mids").forEach(m -> Ids.of(m).ifPresent(mids::add));
    Ids.of(node.path("mid")).ifPresent(mids::add);
    Optional<Instant> watermark = instant(node.path("watermark"));
    if (watermark.isEmpty() && status == DeliveryStatus.READ && !mids.isEmpty()) {
      watermark = Optional.of(at); // Instagram: everything up to the read message, by its time
    }
    if (mids.isEmpty() && watermark.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DeliveryReceipt(customer, mids, watermark, status, Optional.empty(), at));
  }

  /** Milliseconds since the epoch, if the node is a plausible number. */
  static Optional<Instant> instant(JsonNode node) {
    return node.canConvertToLong() && node.asLong() > 0 ? Optional.of(Instant.ofEpochMilli(node.asLong()))
        : Optional.empty();
  }

  private static Optional<URI> url(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(node.asText());
      return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          ? Optional.of(uri) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private record Media(String type, URI url) {}
}
