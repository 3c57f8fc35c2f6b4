package io.openchannel.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever WhatsApp puts inside a message with a valid id, sender and time (a type we know with
 * fields of unexpected shapes, or a type invented tomorrow), the parser yields exactly one
 * message an agent can see, and the same one every time: nothing the customer sends is dropped or
 * stops the delivery.
 */
class ParsingProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final WebhookParser parser = new WebhookParser(id -> () -> new ByteArrayInputStream(new byte[0]));

  @Property(tries = 500)
  void anyContentOfAnyTypeBecomesOneVisibleMessage(@ForAll("types") String type,
      @ForAll("json") JsonNode content, @ForAll("json") JsonNode extra) {
    ObjectNode m = F.objectNode().put("from", "16505551234").put("id", "wamid.prop")
        .put("timestamp", "1764000000").put("type", type);
    m.set(type, content);
    m.set("errors", extra);

    List<InboundEvent> first = parser.parse(delivery(m), WhatsAppFixtures.NUMBER);
    List<InboundEvent> second = parser.parse(delivery(m), WhatsAppFixtures.NUMBER);

    assertThat(first).hasSize(1);
    InboundMessage message = (InboundMessage) first.get(0);
    assertThat(message.attachment().isPresent() || !message.text().isBlank()).isTrue();
    assertThat(second).usingRecursiveComparison()
        .ignoringFieldsOfTypes(java.util.function.Supplier.class).isEqualTo(first);
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.oneOf(Arbitraries.of("text", "image", "video", "audio", "document", "sticker",
            "location", "contacts", "interactive", "button", "reaction", "order", "system",
            "unsupported", "request_welcome"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return Arbitraries.recursive(this::leaf, inner -> Arbitraries.oneOf(
        Arbitraries.maps(Arbitraries.of("id", "body", "caption", "mime_type", "filename", "voice",
                "emoji", "title", "type", "button_reply", "list_reply", "name", "phones", "latitude",
                "product_items", "quantity", "error_data", "details", "code"), inner)
            .ofMaxSize(5).map(map -> {
              ObjectNode o = F.objectNode();
              map.forEach(o::set);
              return (JsonNode) o;
            }),
        inner.list().ofMaxSize(3).map(list -> (JsonNode) F.arrayNode().addAll(list))), 3);
  }

  private Arbitrary<JsonNode> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) F.textNode(s)),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(3)
            .map(s -> (JsonNode) F.textNode(s)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.of(F.booleanNode(true), F.nullNode(), F.textNode("")));
  }

  private static JsonNode delivery(ObjectNode message) {
    ObjectNode root = F.objectNode().put("object", "whatsapp_business_account");
    ObjectNode value = root.putArray("entry").addObject().put("id", "1").putArray("changes")
        .addObject().put("field", "messages").putObject("value");
    value.putObject("metadata").put("phone_number_id", WhatsAppFixtures.PHONE_NUMBER_ID);
    value.putArray("messages").add(message);
    return root;
  }
}
