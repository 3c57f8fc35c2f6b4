package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.twitter.XFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account Activity deliveries, as documented, become the events the engine stores. */
class DmParsingTest {
  private final FakeX fake = new FakeX();
  private final XConnector connector = XFixtures.connector(fake, new io.openchannel.tck.ManualClock(XFixtures.NOW));

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aTextMessageKeepsEmojiAndRtlTextWithItsLinkExpanded() {
    InboundMessage m = only(parse("text"));

    assertThat(m.channelMessageId()).isEqualTo("1496843253045723140");
    assertThat(m.text()).isEqualTo("Order 🛒 still missing, details: https://shop.example/orders/4411 — طلبي لم يصل");
    assertThat(m.sender().externalId()).isEqualTo(XFixtures.LAYLA);
    assertThat(m.sender().firstName()).contains("Layla");
    assertThat(m.sender().lastName()).contains("Haddad");
    assertThat(m.sender().fields()).containsEntry("twitter", "layla_h");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1764000000123L));
    assertThat(m.attachment()).isEmpty();
    assertThat(m.visibility()).isEmpty();
  }

  @Test
  void aPhotoWithoutTextIsAnAttachmentFetchedWithTheUserToken() throws IOException {
    String path = "/1.1/ton/data/dm/1496843253045723141/1496843249245335553/AbCd.jpg";
    fake.media(path, new byte[] {(byte) 0xFF, (byte) 0xD8});
    InboundMessage m = only(parse("media"));

    assertThat(m.text()).isEmpty(); // only the media's own t.co link was there
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("photo-1496843249245335553.jpg");
    assertThat(m.attachment().get().contentType()).isEqualTo("image/jpeg");
    try (InputStream in = m.attachment().get().content().get()) {
      assertThat(in.readAllBytes()).containsExactly(0xFF, 0xD8);
    }
    assertThat(fake.last().path()).isEqualTo(path);
    assertThat(m.sender().firstName()).contains("Layla");
  }

  @Test
  void aVideoIsItsBestMp4Variant() throws IOException {
    fake.media("/dm_video/1/1280x720.mp4", new byte[] {0, 0, 0, 0x18});
    InboundMessage m = only(parse("video"));

    assertThat(m.text()).isEqualTo("look at this");
    assertThat(m.attachment().orElseThrow().contentType()).isEqualTo("video/mp4");
    try (InputStream in = m.attachment().get().content().get()) {
      assertThat(in.readAllBytes()).containsExactly(0, 0, 0, 0x18);
    }
    // no users map in this delivery: the sender is known by id only
    assertThat(m.sender().firstName()).isEmpty();
  }

  @Test
  void aBatchDropsEchoesRepeatsAndTypingAndKeepsCustomersReads() {
    List<InboundEvent> events = parse("batch");

    assertThat(events).hasSize(3);
    InboundMessage quickReply = (InboundMessage) events.get(0);
    assertThat(quickReply.channelMessageId()).isEqualTo("1496843253045723151");
    assertThat(quickReply.text()).isEqualTo("Refund");
    InboundMessage huge = (InboundMessage) events.get(1);
    assertThat(huge.channelMessageId()).isEqualTo("18446744073709551615999");
    assertThat(huge.sender().externalId()).isEqualTo("98765432109876543210");
    assertThat(huge.sender().firstName()).contains("@newbie");
    DeliveryReceipt read = (DeliveryReceipt) events.get(2);
    assertThat(read.recipient()).isEqualTo(XFixtures.LAYLA);
    assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(read.channelMessageIds()).containsExactly("1496843253045723150");
    assertThat(read.watermark()).contains(Instant.ofEpochMilli(1764000014000L));
  }

  @Test
  void typingAloneStoresNothing() {
    var result = connector.handle(XFixtures.delivery("typing", fake), ACCOUNT);

    assertThat(result.events()).isEmpty();
    assertThat(result.response().status()).isEqualTo(200);
  }

  @Test
  void anEmptyDeliveryIsAcknowledged() {
    assertThat(connector.handle(XFixtures.signed("{}"), ACCOUNT).events()).isEmpty();
  }

  private List<InboundEvent> parse(String name) {
    return connector.handle(XFixtures.delivery(name, fake), ACCOUNT).events();
  }

  private static InboundMessage only(List<InboundEvent> events) {
    assertThat(events).hasSize(1);
    return (InboundMessage) events.get(0);
  }
}
