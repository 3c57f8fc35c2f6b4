package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.MESSENGER_ACCOUNT;
import static io.openchannel.adapters.facebook.FacebookFixtures.PSID;
import static io.openchannel.adapters.facebook.FacebookFixtures.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messenger deliveries from the documented shapes, parsed into events. */
class MessengerParsingTest {
  private final FakeGraph fake = new FakeGraph(FacebookFixtures.PAGE_TOKEN);
  private final MessengerConnector connector = new MessengerConnector(FacebookFixtures.config(fake));

  @AfterEach
  void stop() {
    fake.close();
  }

  private List<InboundEvent> events(String fixture) {
    return connector.handle(delivery(fixture), MESSENGER_ACCOUNT).events();
  }

  private static List<InboundMessage> messages(List<InboundEvent> events) {
    return events.stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
  }

  @Test
  void aTextMessageKeepsItsMidSenderTimeAndEmoji() {
    InboundMessage m = messages(events("messenger-text")).get(0);

    assertThat(m.channelMessageId()).startsWith("m_AbCdEf");
    assertThat(m.sender().externalId()).isEqualTo(PSID);
    assertThat(m.text()).isEqualTo("Hi! Where is my order? 📦");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1764000000000L));
    assertThat(m.attachment()).isEmpty();
    assertThat(m.visibility()).isEmpty();
  }

  @Test
  void aBatchYieldsEveryMessageAndReceiptOfThisPageInOrder() {
    List<InboundEvent> events = events("messenger-batch");

    assertThat(messages(events)).extracting(InboundMessage::channelMessageId)
        .containsExactly("m_rtl-1", "m_photo-1", "m_quick-1", "m_huge-1");
    assertThat(events).hasSize(6);
    assertThat(events.get(4)).isInstanceOf(DeliveryReceipt.class);
  }

  @Test
  void rightToLeftTextIsKeptExactly() {
    assertThat(messages(events("messenger-batch")).get(0).text()).isEqualTo("مرحبا، أين طلبي؟ 🙏");
  }

  @Test
  void anImageWithoutTextIsAnAttachmentFetchedOnlyWhenOpened() {
    InboundMessage photo = messages(events("messenger-batch")).get(1);

    assertThat(photo.text()).isEmpty();
    assertThat(photo.attachment()).hasValueSatisfying(a -> {
      assertThat(a.fileName()).isEqualTo("469885112_10223_n.jpg");
      assertThat(a.contentType()).isEqualTo("image/jpeg");
    });
    assertThat(fake.received()).isEmpty(); // the download test below opens one for real
  }

  @Test
  void quickRepliesAndRepliesKeepTheirText() {
    assertThat(messages(events("messenger-batch")).get(2).text()).isEqualTo("Track my parcel");
  }

  @Test
  void echoesPostbacksReactionsAndOtherPagesAreNotCustomerMessages() {
    assertThat(messages(events("messenger-batch"))).extracting(InboundMessage::channelMessageId)
        .doesNotContain("m_echo-1", "m_postback-1", "m_other-page-1");
  }

  @Test
  void hugeNumericIdsAreReadExactly() {
    InboundMessage huge = messages(events("messenger-batch")).get(3);

    assertThat(huge.sender().externalId()).isEqualTo("98765432109876543210");
  }

  @Test
  void deliveriesAndReadsBecomeReceiptsWithWatermarks() {
    List<DeliveryReceipt> receipts = events("messenger-batch").stream()
        .filter(DeliveryReceipt.class::isInstance).map(DeliveryReceipt.class::cast).toList();

    assertThat(receipts).hasSize(2);
    DeliveryReceipt delivered = receipts.get(0);
    assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivered.recipient()).isEqualTo(PSID);
    assertThat(delivered.channelMessageIds()).containsExactly("m_sent-1", "m_sent-2");
    assertThat(delivered.watermark()).contains(Instant.ofEpochMilli(1764000093500L));
    DeliveryReceipt read = receipts.get(1);
    assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(read.channelMessageIds()).isEmpty();
    assertThat(read.watermark()).contains(Instant.ofEpochMilli(1764000094500L));
  }

  @Test
  void severalFilesBecomeOneMessageEachWithStableIdsAndTheTextOnTheFirst() {
    List<InboundMessage> album = messages(events("messenger-attachments")).stream()
        .filter(m -> m.channelMessageId().startsWith("m_album-1")).toList();

    assertThat(album).extracting(InboundMessage::channelMessageId).containsExactly("m_album-1", "m_album-1#1");
    assertThat(album).extracting(InboundMessage::text).containsExactly("Both sides of the box", "");
    assertThat(album).allSatisfy(m -> assertThat(m.attachment().get().contentType()).isEqualTo("image/png"));
  }

  @Test
  void audioIsAVoiceMessageVideoAndFilesKeepTheirNames() {
    List<InboundMessage> all = messages(events("messenger-attachments"));
    InboundMessage voice = byId(all, "m_voice-1");
    InboundMessage video = byId(all, "m_video-1");
    InboundMessage file = byId(all, "m_file-1");

    assertThat(voice.voice()).isTrue();
    assertThat(voice.attachment().get().contentType()).isEqualTo("video/mp4");
    assertThat(video.voice()).isFalse();
    assertThat(video.attachment().get().fileName()).isEqualTo("unboxing.mp4");
    assertThat(file.attachment().get().fileName()).isEqualTo("Invoice May 2026.pdf");
    assertThat(file.attachment().get().contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aSharedLinkBecomesText() {
    InboundMessage link = byId(messages(events("messenger-attachments")), "m_link-1");

    assertThat(link.attachment()).isEmpty();
    assertThat(link.text()).isEqualTo("Blue kettle https://shop.example/item/42");
  }

  @Test
  void aStickerIsStoredOnceAlsoDuringTheImagePlusStickerTransition() {
    List<InboundMessage> all = messages(events("messenger-attachments"));

    assertThat(all).extracting(InboundMessage::channelMessageId)
        .contains("m_sticker-old-1", "m_sticker-transition-1")
        .doesNotContain("m_sticker-transition-1#1", "m_unsupported-1");
    assertThat(byId(all, "m_sticker-transition-1").attachment().get().contentType()).isEqualTo("image/png");
  }

  @Test
  void standbyEventsAreAcknowledgedAndNotStored() {
    assertThat(events("messenger-standby")).isEmpty();
  }

  @Test
  void missingOptionalFieldsFallBackAndItemsWithoutSenderAreSkipped() {
    List<InboundEvent> events = events("messenger-minimal");

    assertThat(events).hasSize(2);
    InboundMessage m = (InboundMessage) events.get(0);
    assertThat(m.sentAt()).isEqualTo(FacebookFixtures.NOW); // no timestamp: the config's clock
    DeliveryReceipt r = (DeliveryReceipt) events.get(1);
    assertThat(r.channelMessageIds()).isEmpty();
    assertThat(r.watermark()).contains(Instant.ofEpochMilli(1764000400000L));
  }

  @Test
  void theAttachmentBytesComeFromTheUrlInTheWebhook() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    fake.file("/cdn/front_n.png", png);
    String body = FacebookFixtures.json("messenger-attachments")
        .replace("https://scontent.xx.fbcdn.net/v/t1/front_n.png?oh=1", fake.baseUrl() + "/cdn/front_n.png");
    InboundMessage front = messages(connector.handle(FacebookFixtures.signed(body), MESSENGER_ACCOUNT)
        .events()).get(0);

    try (InputStream in = front.attachment().get().content().get()) {
      assertThat(in.readAllBytes()).isEqualTo(png);
    }
    assertThat(fake.last().headers()).doesNotContainKey("Authorization");
  }

  @Test
  void aDeliveryForInstagramOrWhatsAppIsAcknowledgedWithNothingStored() {
    String instagram = FacebookFixtures.json("messenger-text").replace("\"page\"", "\"instagram\"");

    assertThat(connector.handle(FacebookFixtures.signed(instagram), MESSENGER_ACCOUNT).events()).isEmpty();
  }

  private static InboundMessage byId(List<InboundMessage> all, String id) {
    return all.stream().filter(m -> m.channelMessageId().equals(id)).findFirst().orElseThrow();
  }
}
