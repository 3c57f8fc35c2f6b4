package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

/** Picks the Bot API method for an outbound message and classifies the answer. Thread-safe. */
final class TelegramSender {
  /** Telegram's limit for sendPhoto; larger images go as documents. */
  private static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

  SendResult send(TelegramApi api, OutboundMessage message) {
    String chatId = message.to().address();
    try {
      if (message.kind() == MessageKind.TEMPLATE) {
        return SendResult.permanentFailure("Telegram has no message templates; send text instead");
      }
      if (message.attachment().isEmpty()) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        putChatId(body, chatId);
        body.put("text", message.text());
        return SendOutcomes.classify(api.call("sendMessage", body), chatId);
      }
      Attachment file = message.attachment().get();
      String method = method(message.kind(), file);
      MultipartBody body = new MultipartBody("openchannel-" + UUID.randomUUID())
          .field("chat_id", chatId);
      if (!message.text().isBlank()) {
        body.field("caption", message.text());
      }
      body.file(method.substring(4).toLowerCase(java.util.Locale.ROOT), file.fileName(),
          file.contentType(), message.attachmentContent().get());
      return SendOutcomes.classify(api.upload(method, body), chatId);
    } catch (IOException | UncheckedIOException e) {
      // Timeouts, refused connections, an unreadable blob: worth another try.
      return SendResult.transientFailure(SendOutcomes.truncate(String.valueOf(e.getMessage())),
          Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling Telegram", Optional.empty());
    }
  }

  /** sendVoice, sendPhoto or sendDocument; the field name is the method's noun. */
  static String method(MessageKind kind, Attachment file) {
    if (kind == MessageKind.VOICE) {
      return "sendVoice";
    }
    String type = file.contentType().toLowerCase(java.util.Locale.ROOT);
    boolean photo = type.equals("image/jpeg") || type.equals("image/png");
    return photo && file.sizeBytes() <= MAX_PHOTO_BYTES ? "sendPhoto" : "sendDocument";
  }

  /** Numeric chat ids go as JSON numbers, exactly; "@channel" names as strings. */
  private static void putChatId(ObjectNode body, String chatId) {
    if (chatId.matches("-?[0-9]{1,30}")) {
      body.put("chat_id", new BigInteger(chatId));
    } else {
      body.put("chat_id", chatId);
    }
  }
}
