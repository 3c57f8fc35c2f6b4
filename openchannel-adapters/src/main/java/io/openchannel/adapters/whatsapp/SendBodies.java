package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.MediaKind;
import io.openchannel.spi.channel.OutboundMessage;

/**
 * The JSON bodies of {@code POST /{phone-number-id}/messages}, built from an
 * {@link OutboundMessage}. Every body names the customer ({@code to}: their wa_id) and carries our
 * message id as {@code biz_opaque_callback_data}, which WhatsApp echoes in the message's statuses.
 * Stateless.
 */
final class SendBodies {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SendBodies() {}

  /** {@code type:"text"}; links are not previewed, as an agent did not ask for it. */
  static ObjectNode text(OutboundMessage m) {
    ObjectNode body = envelope(m, "text");
    body.putObject("text").put("preview_url", false).put("body", m.text());
    return body;
  }

  /**
   * {@code type:"template"} with the template's name and language, and its parameters as the
   * body component's text parameters, in order ({@code {{1}}}, {@code {{2}}}...).
   */
  static ObjectNode template(OutboundMessage m, MessageTemplate t) {
    ObjectNode body = envelope(m, "template");
    ObjectNode template = body.putObject("template").put("name", t.name());
    template.putObject("language").put("code", t.language());
    if (!t.parameters().isEmpty()) {
      ArrayNode parameters = template.putArray("components").addObject().put("type", "body")
          .putArray("parameters");
      t.parameters().forEach(p -> parameters.addObject().put("type", "text").put("text", p));
    }
    return body;
  }

  /**
   * The message type a file goes as: {@code image}, {@code video} and {@code audio} when WhatsApp
   * shows them inline, else {@code document}. Audio cannot carry a caption, so audio with text goes
   * as a document rather than losing the text.
   */
  static String mediaType(MessageKind kind, Attachment file, String caption) {
    switch (MediaKind.of(file.contentType())) {
      case IMAGE:
        String type = MediaKind.normalize(file.contentType());
        return type.equals("image/jpeg") || type.equals("image/png") ? "image" : "document";
      case VIDEO:
        return "video";
      case AUDIO:
        return kind == MessageKind.VOICE || caption.isBlank() ? "audio" : "document";
      default:
        return "document";
    }
  }

  /** A media message referring to an uploaded media id. */
  static ObjectNode media(OutboundMessage m, String type, String mediaId) {
    ObjectNode body = envelope(m, type);
    ObjectNode media = body.putObject(type).put("id", mediaId);
    if (!m.text().isBlank() && !type.equals("audio")) {
      media.put("caption", m.text());
    }
    if (type.equals("document")) {
      media.put("filename", m.attachment().orElseThrow().fileName());
    }
    return body;
  }

  private static ObjectNode envelope(OutboundMessage m, String type) {
    ObjectNode body = JSON.objectNode();
    body.put("messaging_product", "whatsapp");
    body.put("recipient_type", "individual");
    body.put("to", m.to().address());
    body.put("type", type);
    body.put("biz_opaque_callback_data", m.id().value());
    return body;
  }
}
