package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.adapters.internal.meta.GraphErrors;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends one outbound message: text and templates in one call; a file by uploading it
 * ({@code POST /media}) and then sending its media id. Answers are classified by
 * {@link WhatsAppErrors}; nothing is thrown for a platform error, a network failure or an
 * unreadable blob. Thread-safe.
 */
final class WhatsAppSender {
  private final Clock clock;

  WhatsAppSender(Clock clock) {
    this.clock = clock;
  }

  SendResult send(CloudApi api, OutboundMessage message) {
    try {
      if (message.kind() == MessageKind.TEMPLATE) {
        if (message.template().isEmpty()) {
          return SendResult.permanentFailure("a TEMPLATE message without its template cannot be sent");
        }
        return answer(api.send(SendBodies.template(message, message.template().get())), message);
      }
      if (message.attachment().isEmpty()) {
        return answer(api.send(SendBodies.text(message)), message);
      }
      Attachment file = message.attachment().get();
      String type = SendBodies.mediaType(message.kind(), file, message.text());
      GraphResponse uploaded = api.upload(file.fileName(), file.contentType(),
          message.attachmentContent().get());
      if (!uploaded.ok()) {
        return WhatsAppErrors.classify(uploaded, clock);
      }
      Optional<String> mediaId = Json.optional(uploaded.body(), "id");
      if (mediaId.isEmpty()) {
        return SendResult.transientFailure("WhatsApp accepted the upload of " + file.fileName()
            + " but gave no media id", Optional.empty());
      }
      return answer(api.send(SendBodies.media(message, type, mediaId.get())), message);
    } catch (IOException e) {
      return GraphErrors.ioFailure(e);
    } catch (UncheckedIOException e) {
      return GraphErrors.ioFailure(e.getCause()); // the blob store could not be read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling WhatsApp", Optional.empty());
    }
  }

  /** {@code {"messages":[{"id":"wamid…"}]}} is a send; anything else is classified. */
  private SendResult answer(GraphResponse response, OutboundMessage message) {
    if (!response.ok()) {
      return WhatsAppErrors.classify(response, clock);
    }
    JsonNode id = response.body().path("messages").path(0).path("id");
    if (id.isTextual() && !id.asText().isBlank()) {
      return SendResult.sent(id.asText());
    }
    // Accepted but unreadable: retrying would send it twice. Statuses will not match this id.
    return SendResult.sent("unknown-wamid:" + message.id().value());
  }
}
