package io.openchannel.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.adapters.internal.RetryAfter;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends a direct message with X API v2, {@code POST /2/dm_conversations/with/{participant_id}/messages},
 * an image first uploaded by {@link MediaUpload}, and classifies the answer (see {@link XConnector}). Never throws for a platform error. Thread-safe.
 */
final class XSender {
  /** X's limit on a direct message's text, in characters. */
  static final int MAX_TEXT = 10_000;
  private static final int MAX_REASON = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final XConfig config;

  XSender(HttpClient http, XConfig config) {
    this.http = http;
    this.config = config;
  }

  SendResult send(OutboundMessage message, XAccount account) {
    if (message.kind() == MessageKind.TEMPLATE) {
      return SendResult.permanentFailure("X has no message templates; send text instead");
    }
    Optional<String> refused = message.attachment().flatMap(MediaUpload::refusal);
    if (refused.isPresent()) {
      return SendResult.permanentFailure(refused.get());
    }
    String participant = message.to().address();
    if (!participant.matches("[0-9]{1,20}")) {
      return SendResult.permanentFailure("\"" + participant + "\" is not a numeric X user id");
    }
    int length = message.text().codePointCount(0, message.text().length());
    if (message.text().isBlank() && message.attachment().isEmpty()) {
      return SendResult.permanentFailure("an X direct message needs text or an image");
    }
    if (length > MAX_TEXT) {
      return SendResult.permanentFailure("the text is " + length + " characters; X direct messages"
          + " take at most " + MAX_TEXT);
    }
    String token;
    try {
      token = account.userToken().get();
    } catch (RuntimeException e) {
      // The host's refresh failed (its identity provider is down, say): worth another try.
      return SendResult.transientFailure(truncate("no X user token: " + e.getMessage()), Optional.empty());
    }
    if (token == null || token.isBlank()) {
      return SendResult.transientFailure("the X user token supplier gave no token", Optional.empty());
    }
    ObjectNode body = JSON.createObjectNode();
    if (!message.text().isBlank()) {
      body.put("text", message.text());
    }
    try {
      if (message.attachment().isPresent()) {
        HttpResponse<byte[]> uploaded = post("/2/media/upload", token,
            MediaUpload.body(message.attachment().get(), message.attachmentContent().get()));
        String mediaId = json(uploaded).path("data").path("id").asText("");
        if (uploaded.statusCode() / 100 != 2 || mediaId.isBlank()) {
          SendResult failed = classify(uploaded, message);
          return failed instanceof SendResult.Failed ? failed
              : SendResult.transientFailure("X accepted the image but gave no media id", Optional.empty());
        }
        body.putArray("attachments").addObject().put("media_id", mediaId);
      }
      return classify(post("/2/dm_conversations/with/" + participant + "/messages", token, body), message);
    } catch (java.io.UncheckedIOException e) {
      return SendResult.transientFailure(truncate("cannot read the attachment: " + e.getMessage()),
          Optional.empty());
    } catch (IOException e) {
      return SendResult.transientFailure(truncate(e.getClass().getSimpleName() + " calling X: "
          + e.getMessage()), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling X", Optional.empty());
    }
  }

  private HttpResponse<byte[]> post(String path, String token, ObjectNode body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + path))
        .timeout(config.http().requestTimeout())
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body == null ? JSON.missingNode() : body;
    } catch (IOException e) {
      return JSON.missingNode(); // a proxy's HTML page: the status decides
    }
  }

  private SendResult classify(HttpResponse<byte[]> response, OutboundMessage message) {
    int status = response.statusCode();
    JsonNode body = json(response);
    if (status >= 200 && status < 300) {
      String id = body.path("data").path("dm_event_id").asText("");
      // Accepted but unreadable: retrying would send it twice, so it is sent, under our own id.
      return SendResult.sent(id.isBlank() ? message.id().toString() : id);
    }
    String reason = truncate("X " + status + describe(body));
    if (status == 429) {
      return SendResult.transientFailure(reason, resetWait(response));
    }
    if (status >= 500) {
      return SendResult.transientFailure(reason,
          RetryAfter.parse(response.headers().firstValue("Retry-After"), config.clock()));
    }
    if (status == 401) {
      return SendResult.permanentFailure(truncate(reason + " (the user token is invalid or expired;"
          + " refresh it with the dm.write scope)"));
    }
    return SendResult.permanentFailure(reason);
  }

  /** X says when the window resets ({@code x-rate-limit-reset}, epoch seconds), not how long to wait. */
  private Optional<Duration> resetWait(HttpResponse<byte[]> response) {
    Optional<String> reset = response.headers().firstValue("x-rate-limit-reset").map(String::strip);
    if (reset.isPresent() && reset.get().matches("[0-9]{1,12}")) {
      Duration wait = Duration.between(config.clock().instant(), Instant.ofEpochSecond(Long.parseLong(reset.get())));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
    return RetryAfter.parse(response.headers().firstValue("Retry-After"), config.clock());
  }

  /** v2 problems ({@code detail}, {@code title}) or v1.1-style {@code errors[].message}. */
  private static String describe(JsonNode body) {
    String detail = body.path("detail").asText("");
    if (detail.isEmpty()) {
      detail = body.path("errors").path(0).path("message").asText("");
    }
    String title = body.path("title").asText("");
    return (title.isEmpty() ? "" : " " + title) + (detail.isEmpty() ? "" : ": " + detail);
  }

  private static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }
}
