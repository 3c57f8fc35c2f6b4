package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one entry of {@code value.statuses[]} into a {@link DeliveryReceipt}:
 * {@code delivered}, {@code read} and {@code failed} map to the statuses of the same name;
 * {@code sent} is dropped (our send already stored {@code SENT} from the API's answer) and so are
 * statuses WhatsApp may add later. Order does not matter: the engine moves a status only forward,
 * so a {@code read} before its {@code delivered}, or without one, ends the same. Stateless.
 */
final class StatusMapper {
  private static final int MAX_REASON = 1000;

  private StatusMapper() {}

  static Optional<DeliveryReceipt> map(JsonNode s) {
    String id = Json.required(s, "id", "status");
    String where = "status of " + id;
    DeliveryStatus status;
    switch (Json.optional(s, "status").orElse("")) {
      case "delivered":
        status = DeliveryStatus.DELIVERED;
        break;
      case "read":
        status = DeliveryStatus.READ;
        break;
      case "failed":
        status = DeliveryStatus.FAILED;
        break;
      default:
        return Optional.empty();
    }
    String recipient = Json.required(s, "recipient_id", where);
    Optional<String> reason = status == DeliveryStatus.FAILED
        ? Optional.of(reason(s.path("errors"))) : Optional.empty();
    return Optional.of(new DeliveryReceipt(recipient, List.of(id), Optional.empty(), status, reason,
        Json.seconds(s, where)));
  }

  /** "WhatsApp 131026: Message undeliverable (details)" for each error, as agents will read it. */
  static String reason(JsonNode errors) {
    List<String> parts = new ArrayList<>();
    for (JsonNode e : errors) {
      String code = Json.optional(e, "code").map(c -> c + ": ").orElse("");
      String title = Json.optional(e, "title").or(() -> Json.optional(e, "message")).orElse("error");
      String details = Json.optional(Json.object(e, "error_data"), "details")
          .filter(d -> !d.equals(title)).map(d -> " (" + d + ")").orElse("");
      parts.add(code + title + details);
    }
    String reason = "WhatsApp " + (parts.isEmpty() ? "reported the message failed" : String.join("; ", parts));
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
  }
}
