package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.adapters.internal.meta.MultipartForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Cloud API calls of one number, on the shared Graph client: send a message, upload a file,
 * resolve and download a media id. The access token goes as {@code Authorization: Bearer} on each,
 * never in a URL or a message. Thread-safe.
 */
final class CloudApi implements MediaSource {
  private final GraphApi graph;
  private final WhatsAppNumber number;

  CloudApi(GraphApi graph, WhatsAppNumber number) {
    this.graph = graph;
    this.number = number;
  }

  /** {@code POST /{phone-number-id}/messages}. */
  GraphResponse send(JsonNode body) throws IOException, InterruptedException {
    return graph.postJson(number.accessToken(), body, number.phoneNumberId(), "messages");
  }

  /** {@code POST /{phone-number-id}/media}, multipart: {@code messaging_product}, {@code type}, {@code file}. */
  GraphResponse upload(String fileName, String contentType, Supplier<InputStream> content)
      throws IOException, InterruptedException {
    MultipartForm form = new MultipartForm().field("messaging_product", "whatsapp")
        .field("type", contentType).file("file", fileName, contentType, content);
    return graph.postMultipart(number.accessToken(), form, number.phoneNumberId(), "media");
  }

  /**
   * {@code GET /{media-id}} for the media's short-lived URL, then the download of that URL with the
   * token, both when the supplier is called. Media ids of inbound messages stay valid for 30 days.
   */
  @Override
  public Supplier<InputStream> open(String mediaId) {
    return () -> {
      GraphResponse meta;
      try {
        meta = graph.get(number.accessToken(), mediaId);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted resolving WhatsApp media " + mediaId, e));
      }
      Optional<String> url = Json.optional(meta.body(), "url");
      if (!meta.ok() || url.isEmpty()) {
        throw new UncheckedIOException(new IOException("WhatsApp media " + mediaId + " could not be"
            + " resolved: HTTP " + meta.status() + meta.error().map(e -> ", " + e.describe())
            .orElse(url.isEmpty() ? ", no url in the answer" : "")));
      }
      URI uri;
      try {
        uri = URI.create(url.get());
      } catch (IllegalArgumentException e) {
        throw new UncheckedIOException(new IOException("WhatsApp media " + mediaId + " has a malformed url"));
      }
      return graph.download(uri, Optional.of(number.accessToken())).get();
    };
  }
}
