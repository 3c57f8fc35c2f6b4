package io.openchannel.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.account.Account;
import io.openchannel.adapters.internal.RetryAfter;
import io.openchannel.contact.Contact;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** POSTs an agent's message to the account's Reply URL and classifies the answer. */
final class ReplySender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXCERPT = 200;

  private final GenericWebhookConfig config;
  private final HttpClient http;

  ReplySender(GenericWebhookConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  SendResult send(OutboundMessage message, Account account) {
    Optional<URI> replyUrl = account.settings().replyUrl();
    if (replyUrl.isEmpty()) {
      return SendResult.permanentFailure("account " + account.id() + " has no Reply URL");
    }
    HttpRequest request = HttpRequest.newBuilder(replyUrl.get())
        .timeout(config.http().requestTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "application/json")
        // A resend after a crash or a transient failure carries the same key.
        .header("Idempotency-Key", message.id().value())
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload(message)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) { // includes connect and request timeouts
      return SendResult.transientFailure("Reply URL unreachable: " + describe(e), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while posting to the Reply URL", Optional.empty());
    }
    return classify(response, message);
  }

  /** The reference product's reply (body, Contact, AttachmentId) plus clearly named extras. */
  static byte[] payload(OutboundMessage message) {
    ObjectNode root = JSON.createObjectNode();
    // Like the reference: the text, or the file name when an attachment goes alone.
    String body = message.text().isEmpty() && message.attachment().isPresent()
        ? message.attachment().get().fileName() : message.text();
    root.put("body", body);
    root.set("Contact", contact(message.contact()));
    root.put("AttachmentId", message.attachment().map(a -> a.id().value()).orElse(null));
    ObjectNode interaction = root.putObject("Interaction");
    interaction.put("id", message.interaction().value());
    interaction.put("threadId", message.to().threadId().orElse(null));
    root.put("to", message.to().address());
    root.put("messageId", message.id().value());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private static ObjectNode contact(Contact contact) {
    ObjectNode node = JSON.createObjectNode();
    node.put("firstName", contact.firstName().orElse(null));
    node.put("lastName", contact.lastName().orElse(null));
    contact.fields().forEach((name, value) -> {
      if (!node.has(name)) { // a host field named like a name never overrides the name
        node.put(name, value);
      }
    });
    return node;
  }

  private SendResult classify(HttpResponse<String> response, OutboundMessage message) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return SendResult.sent(answeredId(response.body()).orElse(message.id().value()));
    }
    String reason = "Reply URL answered HTTP " + status + excerpt(response.body());
    if (status == 429 || status / 100 == 5) {
      return SendResult.transientFailure(reason,
          RetryAfter.parse(response.headers().firstValue("Retry-After"), config.clock()));
    }
    return SendResult.permanentFailure(reason);
  }

  /** The receiver's own id for the message, if it answered JSON with {@code id} or {@code messageId}. */
  private static Optional<String> answeredId(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      JsonNode id = root.hasNonNull("id") ? root.get("id") : root.get("messageId");
      if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
        return Optional.empty();
      }
      String value = id.asText().strip();
      boolean usable = !value.isEmpty() && value.length() <= 512
          && value.chars().noneMatch(Character::isISOControl);
      return usable ? Optional.of(value) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a 2xx without JSON is still a success
    }
  }

  private static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\p{Cntrl}+", " ").strip();
    if (flat.isEmpty()) {
      return "";
    }
    return ": " + (flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat);
  }

  private static String describe(IOException e) {
    String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    return text.replaceAll("\\p{Cntrl}+", " ");
  }
}
