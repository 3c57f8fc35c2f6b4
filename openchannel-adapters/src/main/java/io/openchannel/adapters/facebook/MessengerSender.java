package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.GraphErrors;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.adapters.internal.meta.MultipartForm;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import io.openchannel.policy.MessagingType;
import io.openchannel.policy.SendDecision;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through the Messenger Platform's Send API ({@code POST /{id}/messages}), shared by
 * Messenger and Instagram. The messaging type and tag come from the policy's terms on the
 * message ({@code RESPONSE} if it has none). Text goes as JSON; a file is uploaded with the
 * message as multipart {@code filedata} (the engine gives bytes, not a public URL), typed
 * image, video, audio or file by its MIME type. Meta's attachments have no caption, so text with
 * a file follows as a second message; if only that second call fails, the result is still the
 * file's {@code Sent} (retrying would send the file twice) and the loss is logged. Thread-safe.
 */
final class MessengerSender {
  private static final Logger LOG = LoggerFactory.getLogger(MessengerSender.class);

  private final GraphApi api;
  private final Clock clock;
  private final String channel;

  MessengerSender(GraphApi api, Clock clock, String channel) {
    this.api = api;
    this.clock = clock;
    this.channel = channel;
  }

  SendResult send(MetaAccount account, OutboundMessage message) {
    if (message.kind() == MessageKind.TEMPLATE) {
      return SendResult.permanentFailure(channel + " has no message templates; send text instead");
    }
    ObjectNode recipient = JsonNodeFactory.instance.objectNode().put("id", message.to().address());
    try {
      if (message.attachment().isEmpty()) {
        return sendText(account, recipient, message.terms(), message.text());
      }
      SendResult file = sendFile(account, recipient, message);
      if (file instanceof SendResult.Sent && !message.text().isBlank()) {
        SendResult caption = sendText(account, recipient, message.terms(), message.text());
        if (caption instanceof SendResult.Failed failed) {
          LOG.warn("{} message {}: the file went out but its text did not: {}", channel, message.id(),
              failed.reason());
        }
      }
      return file;
    } catch (IOException e) {
      return GraphErrors.ioFailure(e);
    } catch (UncheckedIOException e) {
      return SendResult.transientFailure("could not read the attachment: " + e.getMessage(), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling the Graph API", Optional.empty());
    }
  }

  private SendResult sendText(MetaAccount account, ObjectNode recipient,
      Optional<SendDecision.Allowed> terms, String text) throws IOException, InterruptedException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("recipient", recipient);
    putTerms(body, terms);
    body.putObject("message").put("text", text);
    return outcome(api.postJson(account.token(), body, account.id(), "messages"));
  }

  private SendResult sendFile(MetaAccount account, ObjectNode recipient, OutboundMessage message)
      throws IOException, InterruptedException {
    Attachment file = message.attachment().get();
    ObjectNode terms = JsonNodeFactory.instance.objectNode();
    putTerms(terms, message.terms());
    ObjectNode attachment = JsonNodeFactory.instance.objectNode();
    attachment.putObject("attachment").put("type", type(file.contentType()))
        .putObject("payload").put("is_reusable", false);
    MultipartForm form = new MultipartForm().field("recipient", recipient.toString());
    terms.properties().forEach(f -> form.field(f.getKey(), f.getValue().asText()));
    form.field("message", attachment.toString())
        .file("filedata", file.fileName(), file.contentType(), message.attachmentContent().get());
    return outcome(api.postMultipart(account.token(), form, account.id(), "messages"));
  }

  private static void putTerms(ObjectNode body, Optional<SendDecision.Allowed> terms) {
    MessagingType type = terms.flatMap(SendDecision.Allowed::messagingType).orElse(MessagingType.RESPONSE);
    body.put("messaging_type", type.name());
    terms.flatMap(SendDecision.Allowed::tag).ifPresent(tag -> body.put("tag", tag.name()));
  }

  private SendResult outcome(GraphResponse response) {
    if (!response.ok()) {
      return GraphErrors.classify(response, clock);
    }
    JsonNode id = response.body().path("message_id");
    // Accepted but unreadable: retrying would send it twice, so it is sent with what we know.
    return SendResult.sent(id.isTextual() && !id.asText().isBlank() ? id.asText() : "unknown");
  }

  /** Meta's attachment type for a MIME type. */
  static String type(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    if (t.startsWith("image/")) {
      return "image";
    }
    if (t.startsWith("video/")) {
      return "video";
    }
    return t.startsWith("audio/") ? "audio" : "file";
  }
}
