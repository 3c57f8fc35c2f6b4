package io.openchannel.adapters.webhook;

import io.openchannel.InvalidInputException;
import io.openchannel.spi.channel.InboundAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Makes an inbound {@code AttachmentId} into an {@link InboundAttachment} whose bytes are
 * downloaded from the configured URL template only when the engine asks for them, so a
 * duplicate delivery costs no download.
 */
final class AttachmentFetcher {
  private final GenericWebhookConfig config;
  private final HttpClient http;

  AttachmentFetcher(GenericWebhookConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  /** @throws InvalidInputException if no attachment URL template is configured */
  InboundAttachment attachment(String attachmentId, String body) {
    String template = config.attachmentUrlTemplate().orElseThrow(() -> new InvalidInputException(
        "the message has an AttachmentId but this connector has no attachmentUrlTemplate to "
            + "download it from; configure one or send text only"));
    URI uri = URI.create(template.replace("{id}",
        URLEncoder.encode(attachmentId, StandardCharsets.UTF_8).replace("+", "%20")));
    // The reference format carries no file name or type. Its senders usually put the file name
    // in the body; take it when it looks like one, else name the file after its id.
    String name = looksLikeFileName(body) ? body.strip() : "attachment-" + attachmentId;
    String guessed = URLConnection.guessContentTypeFromName(name);
    return new InboundAttachment(name.length() > 255 ? name.substring(0, 255) : name,
        guessed == null ? "application/octet-stream" : guessed, () -> download(uri));
  }

  private static boolean looksLikeFileName(String body) {
    String s = body.strip();
    return s.length() <= 255 && s.indexOf('.') > 0 && s.chars().noneMatch(
        c -> Character.isWhitespace(c) || c == '/' || c == '\\' || Character.isISOControl(c));
  }

  private InputStream download(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.http().requestTimeout()).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() / 100 != 2) {
        response.body().close();
        // Unchecked so the engine stores nothing; the host answers 5xx and the sender retries.
        throw new UncheckedIOException(new IOException(
            "attachment download from " + uri + " answered HTTP " + response.statusCode()));
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("attachment download from " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted downloading " + uri, e));
    }
  }
}
