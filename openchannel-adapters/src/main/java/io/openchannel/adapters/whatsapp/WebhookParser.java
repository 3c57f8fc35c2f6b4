package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.contact.ContactFields;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.SenderProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one webhook delivery ({@code object:"whatsapp_business_account"}) for one number: every
 * entry, every change of field {@code messages} whose {@code metadata.phone_number_id} is the
 * number's, messages then statuses in the order given. Changes of other fields (template
 * reviews, account updates) and of other numbers are skipped. Everything is parsed before
 * anything is returned, so a malformed item refuses the whole delivery and nothing is stored.
 * Stateless and thread-safe.
 */
final class WebhookParser {
  static final String OBJECT = "whatsapp_business_account";

  private static final Logger log = LoggerFactory.getLogger(WebhookParser.class);

  private final MessageMapper messages;

  WebhookParser(MediaSource media) {
    this.messages = new MessageMapper(media);
  }

  List<InboundEvent> parse(JsonNode root, WhatsAppNumber number) {
    if (!root.isObject()) {
      throw new InvalidInputException("a WhatsApp webhook is a JSON object, got " + root.getNodeType());
    }
    String object = Json.optional(root, "object").orElse("");
    if (!object.equals(OBJECT)) {
      throw new InvalidInputException("a WhatsApp webhook has object \"" + OBJECT + "\", got \""
          + object + "\"; is this app's webhook pointed at the right account?");
    }
    JsonNode entries = root.path("entry");
    if (!entries.isArray()) {
      throw new InvalidInputException("a WhatsApp webhook carries an \"entry\" array");
    }
    List<InboundEvent> events = new ArrayList<>();
    for (JsonNode entry : entries) {
      for (JsonNode change : entry.path("changes")) {
        if (!"messages".equals(change.path("field").asText())) {
          continue;
        }
        JsonNode value = Json.object(change, "value");
        String phoneNumberId = Json.optional(Json.object(value, "metadata"), "phone_number_id").orElse("");
        if (!phoneNumberId.equals(number.phoneNumberId())) {
          // Another number of the same app: its account is served by the callback URL overridden
          // for that number, or by a host that routes on phone_number_id before the engine.
          log.debug("skipping a change for phone number id {}, not this account's {}",
              phoneNumberId, number.phoneNumberId());
          continue;
        }
        events.addAll(change(value));
      }
    }
    return events;
  }

  private List<InboundEvent> change(JsonNode value) {
    // Errors about the whole change (webhook or account problems) concern the operator, not a
    // conversation: they are logged, and the rest of the change is read as usual.
    if (value.path("errors").isArray() && value.path("errors").size() > 0) {
      log.warn("WhatsApp reported for number {}: {}", Json.optional(Json.object(value, "metadata"),
          "phone_number_id").orElse("?"), StatusMapper.reason(value.path("errors")));
    }
    Map<String, String> names = new HashMap<>();
    for (JsonNode c : value.path("contacts")) {
      Optional<String> waId = Json.optional(c, "wa_id");
      Optional<String> name = Json.optional(Json.object(c, "profile"), "name");
      if (waId.isPresent() && name.isPresent()) {
        names.put(waId.get(), name.get());
      }
    }
    List<InboundEvent> events = new ArrayList<>();
    for (JsonNode m : value.path("messages")) {
      String from = Json.required(m, "from", "message " + Json.optional(m, "id").orElse("without id"));
      events.add(messages.map(m, sender(from, Optional.ofNullable(names.get(from)))));
    }
    for (JsonNode s : value.path("statuses")) {
      StatusMapper.map(s).ifPresent(events::add);
    }
    return events;
  }

  /**
   * WhatsApp gives one display name, not first and last: it goes whole where agents look first,
   * as the generic channel does with {@code name}. {@code from} is the customer's wa_id, which is
   * their phone number in international form without the {@code +}.
   */
  private static SenderProfile sender(String waId, Optional<String> name) {
    Map<String, String> fields = new HashMap<>();
    fields.put(ContactFields.WHATSAPP, waId);
    if (waId.chars().allMatch(Character::isDigit)) {
      fields.put(ContactFields.PHONE, "+" + waId);
    }
    return new SenderProfile(waId, name, Optional.empty(), fields);
  }
}
