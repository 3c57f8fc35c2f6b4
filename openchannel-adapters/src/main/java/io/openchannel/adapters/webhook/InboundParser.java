package io.openchannel.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.contact.ContactFields;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.channel.WebhookRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns one checked inbound request of the reference format into an {@link InboundMessage}. */
final class InboundParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GenericWebhookConfig config;
  private final AttachmentFetcher fetcher;

  InboundParser(GenericWebhookConfig config, AttachmentFetcher fetcher) {
    this.config = config;
    this.fetcher = fetcher;
  }

  InboundMessage parse(WebhookRequest request, Account account) {
    byte[] raw = request.body(); // a copy: take it once
    checkEnvelope(request, raw.length);
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("body could not be read as JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("body must be a JSON object such as "
          + "{\"from\": \"+39...\", \"body\": \"Hi\", \"mapKey\": \"phone\"}");
    }
    String from = id(root, "from").orElseThrow(() -> missing("from"));
    String text = text(root, "body").orElseThrow(() -> missing("body"));

    Optional<String> first = text(root, "firstName");
    Optional<String> last = text(root, "lastName");
    if (first.isEmpty() && last.isEmpty()) {
      first = text(root, "name"); // a single display name goes where agents see it first
    }
    Map<String, String> fields = new HashMap<>();
    id(root, "phone").ifPresent(p -> fields.put(ContactFields.PHONE, p));
    // The engine matches contacts by the ACCOUNT's map key; the sender's "mapKey" only says
    // which field "from" is, so "from" is filed under both when they name fields.
    text(root, "mapKey").filter(InboundParser::fieldName).ifPresent(k -> fields.put(k, from));
    account.settings().mapKey().ifPresent(k -> fields.put(k, from));

    Optional<InboundAttachment> attachment = id(root, "AttachmentId")
        .map(attachmentId -> fetcher.attachment(attachmentId, text));
    return new InboundMessage(dedupeKey(root, request, raw), new SenderProfile(from, first, last,
        fields), text, attachment, false, config.clock().instant(), Optional.empty(),
        id(root, "threadId"));
  }

  private void checkEnvelope(WebhookRequest request, int size) {
    if (!request.method().equals("POST")) {
      throw new InvalidInputException("send messages with POST, not " + request.method());
    }
    // A missing Content-Type is tolerated (the body must still be JSON); a different one is not.
    Optional<String> type = request.header("Content-Type");
    if (type.isPresent()) {
      String media = type.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!media.equals("application/json") && !media.endsWith("+json")) {
        throw new InvalidInputException("Content-Type must be application/json, got " + type.get());
      }
    }
    if (size > config.http().maxWebhookBytes()) {
      throw new InvalidInputException("body is " + size + " bytes; at most "
          + config.http().maxWebhookBytes() + " are accepted");
    }
  }

  /**
   * The reference format has no message id. A sender's own {@code messageId} or {@code id} wins,
   * then an {@code Idempotency-Key} header, else a hash of the raw body: a sender's retry of
   * the same delivery is then stored once, but so is an identical message sent twice on purpose.
   */
  private static String dedupeKey(JsonNode root, WebhookRequest request, byte[] raw) {
    Optional<String> own = id(root, "messageId").or(() -> id(root, "id"))
        .or(() -> request.header("Idempotency-Key").map(String::strip).filter(s -> !s.isEmpty()));
    if (own.isPresent()) {
      if (own.get().length() > 512) {
        throw new InvalidInputException("message id is " + own.get().length()
            + " characters long; at most 512 are allowed");
      }
      return own.get();
    }
    return "sha256:" + HexFormat.of().formatHex(SharedSecret.sha256(raw));
  }

  /** A string or number (huge numeric ids are kept digit for digit), blank meaning absent. */
  private static Optional<String> id(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() && !v.isIntegralNumber()) {
      throw new InvalidInputException("\"" + field + "\" must be a string or an integer, got " + v);
    }
    return Optional.of(v.asText().strip()).filter(s -> !s.isEmpty());
  }

  private static Optional<String> text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InvalidInputException("\"" + field + "\" must be a string, got " + v);
    }
    return Optional.of(v.textValue()).filter(s -> !s.isBlank());
  }

  private static boolean fieldName(String key) {
    return key.length() <= 64 && key.chars().noneMatch(Character::isISOControl);
  }

  private static InvalidInputException missing(String field) {
    return new InvalidInputException("\"" + field + "\" is missing or blank; the generic channel "
        + "needs \"from\" (the sender) and a non-empty \"body\"");
  }
}
