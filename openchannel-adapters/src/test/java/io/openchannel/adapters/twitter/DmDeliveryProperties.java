package io.openchannel.adapters.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;

/** Any text survives a signed delivery exactly; any changed byte of it is refused. */
class DmDeliveryProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeX fake = new FakeX();
  private final XConnector connector = XFixtures.connector(fake, new ManualClock(XFixtures.NOW));

  @AfterProperty
  void stop() {
    fake.close();
  }

  @Property(tries = 200)
  void aSignedMessageKeepsItsTextExactly(@ForAll("texts") String text,
      @ForAll("ids") String eventId) {
    List<?> events = connector.handle(XFixtures.signed(delivery(eventId, text)), XFixtures.ACCOUNT).events();

    assertThat(events).hasSize(1);
    InboundMessage m = (InboundMessage) events.get(0);
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.channelMessageId()).isEqualTo(eventId);
  }

  @Property(tries = 200)
  void flippingAnyBitOfTheBodyIsRefused(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    WebhookRequest signed = XFixtures.signed(delivery("1496843253045723140", text));
    byte[] body = signed.body();
    body[at % body.length] ^= (byte) (1 << bit);
    WebhookRequest changed = new WebhookRequest("POST", signed.path(), signed.query(), signed.headers(), body);

    assertThatThrownBy(() -> connector.handle(changed, XFixtures.ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Provide
  Arbitrary<String> texts() {
    // Emoji, Arabic and Hebrew, CJK, and plain ASCII; never blank, so each is a message.
    Arbitrary<String> mixed = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '"', '\\', '\n'),
        Arbitraries.strings().withCharRange('\u0600', '\u06FF').withCharRange('\u05D0', '\u05EA'),
        Arbitraries.strings().withCharRange('\u4E00', '\u4FFF'),
        Arbitraries.of("😀", "🛒", "👩‍👩‍👧", "🇮🇹").list().ofMaxSize(5).map(l -> String.join("", l)))
        .list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
    return mixed.map(s -> "x" + s);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
  }

  private static String delivery(String eventId, String text) {
    ObjectNode root = JSON.createObjectNode().put("for_user_id", XFixtures.OWN_USER);
    ObjectNode event = root.putArray("direct_message_events").addObject()
        .put("type", "message_create").put("id", eventId).put("created_timestamp", "1764000000123");
    ObjectNode create = event.putObject("message_create");
    create.putObject("target").put("recipient_id", XFixtures.OWN_USER);
    create.put("sender_id", XFixtures.LAYLA);
    create.putObject("message_data").put("text", text);
    return new String(root.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
