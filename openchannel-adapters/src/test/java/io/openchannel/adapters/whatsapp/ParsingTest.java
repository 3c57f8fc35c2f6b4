package io.openchannel.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every documented message and status shape, parsed without HTTP: media ids open a stub. */
class ParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAYLA = "16505551234";

  /** Media ids the parser asked to open, in order; the stub answers with the id's bytes. */
  private final List<String> opened = new ArrayList<>();
  private final WebhookParser parser = new WebhookParser(id -> () -> {
    opened.add(id);
    return new ByteArrayInputStream(id.getBytes(StandardCharsets.UTF_8));
  });

  @Test
  void aTextMessageCarriesItsWamidTextTimeAndTheSendersProfile() {
    InboundMessage m = only("text");

    assertThat(m.channelMessageId())
        .isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdCNUI4RjY0QzJFQTg2MkY2QgA=");
    assertThat(m.text()).isEqualTo("Hi, my order #1042 never arrived");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
    assertThat(m.sender().externalId()).isEqualTo(LAYLA);
    assertThat(m.sender().firstName()).contains("Layla Haddad");
    assertThat(m.sender().lastName()).isEmpty();
    assertThat(m.sender().fields()).containsEntry("whatsapp", LAYLA).containsEntry("phone", "+" + LAYLA);
    assertThat(m.attachment()).isEmpty();
    assertThat(m.visibility()).isEmpty();
    assertThat(m.threadId()).isEmpty();
  }

  @Test
  void emojiAndRightToLeftTextAreKeptExactly() {
    InboundMessage m = only("rtl-emoji");

    assertThat(m.text()).isEqualTo("مرحبا 👋🏽 أين طلبي؟ 📦\u200f");
    assertThat(m.sender().firstName()).contains("ليلى حداد");
  }

  @Test
  void anImageIsAnAttachmentWithItsCaptionAndIsDownloadedOnlyWhenOpened() throws IOException {
    InboundMessage m = only("image");

    assertThat(m.text()).isEqualTo("The box was damaged 📦");
    InboundAttachment file = m.attachment().orElseThrow();
    assertThat(file.contentType()).isEqualTo("image/jpeg");
    assertThat(file.fileName()).isEqualTo("image-1479537139650973.jpg");
    assertThat(opened).isEmpty();
    assertThat(read(file)).isEqualTo("1479537139650973");
    assertThat(opened).containsExactly("1479537139650973");
  }

  @Test
  void mediaWithoutACaptionHasEmptyText() {
    InboundMessage m = only("image-no-caption");

    assertThat(m.text()).isEmpty();
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("image-2210923784412087.png");
  }

  @Test
  void aVideoKeepsItsCaption() {
    InboundMessage m = only("video");

    assertThat(m.text()).isEqualTo("it rattles");
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("video-874452198832201.mp4");
  }

  @Test
  void aVoiceNoteIsAVoiceMessageButOtherAudioIsNot() {
    InboundMessage voice = only("voice");
    InboundMessage audio = only("audio");

    assertThat(voice.voice()).isTrue();
    assertThat(voice.attachment().orElseThrow().contentType()).isEqualTo("audio/ogg; codecs=opus");
    assertThat(voice.attachment().orElseThrow().fileName()).isEqualTo("audio-1044237711562038.ogg");
    assertThat(audio.voice()).isFalse();
    assertThat(audio.attachment().orElseThrow().fileName()).endsWith(".mp3");
  }

  @Test
  void aDocumentKeepsTheCustomersFileName() {
    InboundMessage m = only("document");

    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("Receipt #1042 (März).pdf");
    assertThat(m.attachment().orElseThrow().contentType()).isEqualTo("application/pdf");
    assertThat(m.text()).isEqualTo("receipt");
  }

  @Test
  void aStickerIsAWebpAttachmentWithoutText() {
    InboundMessage m = only("sticker");

    assertThat(m.text()).isEmpty();
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("sticker-1217791206284520.webp");
    assertThat(m.attachment().orElseThrow().contentType()).isEqualTo("image/webp");
  }

  @Test
  void aLocationBecomesReadableTextWithAMapLink() {
    assertThat(only("location").text()).isEqualTo("[location] Ferry Building, 1 Ferry Building,"
        + " San Francisco, CA 94111 (37.7955, -122.3937) https://maps.google.com/?q=37.7955,-122.3937");
  }

  @Test
  void sharedContactsBecomeTextWithNamePhoneAndEmail() {
    assertThat(only("contacts").text())
        .isEqualTo("[contact] Omar Haddad, +1 650 555 9876, omar@example.com");
  }

  @Test
  void tappedButtonsAndListRowsReadAsTheirTitles() {
    assertThat(only("interactive-button").text()).isEqualTo("Refund me");
    assertThat(only("interactive-list").text()).isEqualTo("Tuesday 10:00");
    assertThat(only("button").text()).isEqualTo("Stop promotions");
  }

  @Test
  void reactionsAreVisibleIncludingTheirRemoval() {
    assertThat(only("reaction").text()).isEqualTo("[reaction] 👍🏾");
    assertThat(only("reaction-removed").text()).isEqualTo("[reaction removed]");
  }

  @Test
  void anOrderListsItsItems() {
    assertThat(only("order").text())
        .isEqualTo("[order] 2 × mug-blue at 12.5 USD; 1 × tea-earl-grey at 7 USD — gift wrap please");
  }

  @Test
  void aSystemNoticeIsShownAsSuch() {
    assertThat(only("system").text()).isEqualTo("[system] User A changed from 16505551234 to 16505550000");
  }

  @Test
  void unsupportedAndUnknownTypesBecomePlaceholdersNotErrors() {
    assertThat(only("unsupported").text())
        .isEqualTo("[unsupported WhatsApp message: unsupported: Message type is currently not supported.]");
    assertThat(only("unknown-type").text()).isEqualTo("[unsupported WhatsApp message: hologram]");
  }

  @Test
  void aReplyIsStoredAsItsTextBecauseTheCoreHasNoReplyToYet() {
    InboundMessage m = only("reply-context");

    assertThat(m.text()).isEqualTo("Yes, that one");
    assertThat(m.threadId()).isEmpty(); // a thread would split the conversation
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(only("unknown-fields").text()).isEqualTo("still there?");
  }

  @Test
  void missingOptionalFieldsAreFine() {
    InboundMessage m = only("minimal");

    assertThat(m.text()).isEqualTo("ok");
    assertThat(m.sender().firstName()).isEmpty();
  }

  @Test
  void hugeNumericIdsAreReadExactlyNotThroughADouble() {
    InboundMessage m = only("huge-ids");

    assertThat(m.sender().externalId()).isEqualTo("123456789012345678901234");
    assertThat(m.sender().firstName()).contains("Big");
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("image-98765432109876543210987.jpg");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1764000240));
  }

  @Test
  void statusesBecomeReceiptsAndSentAndUnknownOnesAreDropped() {
    List<InboundEvent> events = parse("statuses");

    assertThat(events).hasSize(3).allMatch(DeliveryReceipt.class::isInstance);
    DeliveryReceipt read = (DeliveryReceipt) events.get(0);
    DeliveryReceipt delivered = (DeliveryReceipt) events.get(1);
    DeliveryReceipt failed = (DeliveryReceipt) events.get(2);
    assertThat(read.channelMessageIds()).containsExactly("wamid.out-read");
    assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(read.recipient()).isEqualTo(LAYLA);
    assertThat(read.at()).isEqualTo(Instant.ofEpochSecond(1764000400));
    assertThat(read.watermark()).isEmpty();
    assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.reason()).contains("WhatsApp 131047: Re-engagement message (Message failed to send"
        + " because more than 24 hours have passed since the customer last replied to this number.)");
  }

  @Test
  void aBatchYieldsEveryEntryAndChangeInOrderAndSkipsOtherNumbersAndFields() {
    List<InboundEvent> events = parse("batch");

    assertThat(events).extracting(e -> e instanceof InboundMessage m ? m.channelMessageId()
            : ((DeliveryReceipt) e).channelMessageIds().get(0))
        .containsExactly("wamid.batch-1", "wamid.batch-2", "wamid.out-1", "wamid.batch-3");
    InboundMessage kenji = (InboundMessage) events.get(1);
    assertThat(kenji.sender().firstName()).contains("Kenji Sato");
    assertThat(kenji.text()).isEqualTo("こんにちは");
    assertThat(((InboundMessage) events.get(3)).attachment().orElseThrow().fileName())
        .isEqualTo("sticker-555000111.webp");
  }

  @Test
  void anotherObjectIsRefusedWithAHint() {
    assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"object\":\"page\",\"entry\":[]}"), WhatsAppFixtures.NUMBER))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("whatsapp_business_account");
  }

  @Test
  void aMessageWithoutIdOrTimestampRefusesTheWholeDelivery() {
    String noId = WhatsAppFixtures.json("batch").replace("\"id\": \"wamid.batch-2\", ", "");
    String badTime = WhatsAppFixtures.json("batch").replace("\"1764000504\"", "\"soon\"");

    assertThatThrownBy(() -> parser.parse(JSON.readTree(noId), WhatsAppFixtures.NUMBER))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"id\"");
    assertThatThrownBy(() -> parser.parse(JSON.readTree(badTime), WhatsAppFixtures.NUMBER))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unix seconds");
  }

  @Test
  void aMimeTypeThatIsNotOneFallsBackToTheKindsDefault() {
    String odd = WhatsAppFixtures.json("image").replace("\"mime_type\": \"image/jpeg\"",
        "\"mime_type\": \"image/jpeg\\u0000\\r\\nX-Evil: 1\"");
    String video = WhatsAppFixtures.json("video").replace("\"mime_type\": \"video/mp4\"",
        "\"mime_type\": \"" + "v".repeat(300) + "\"");

    assertThat(onlyIn(odd).attachment().orElseThrow().contentType()).isEqualTo("image/jpeg");
    assertThat(onlyIn(video).attachment().orElseThrow().contentType()).isEqualTo("video/mp4");
  }

  @Test
  void errorsAboutAWholeChangeDoNotStopItsMessages() {
    String withErrors = WhatsAppFixtures.json("text").replace("\"contacts\":",
        "\"errors\": [{\"code\": 131000, \"title\": \"Something went wrong\"}], \"contacts\":");

    assertThat(onlyIn(withErrors).text()).isEqualTo("Hi, my order #1042 never arrived");
  }

  @Test
  void aCustomersFileNameCannotCarryPathsOrControlCharacters() {
    assertThat(MessageMapper.safeFileName("../../etc/passwd\n")).isEqualTo(".._.._etc_passwd");
    assertThat(MessageMapper.safeFileName("a\u0000b\\c.txt")).isEqualTo("a_b_c.txt");
    assertThat(MessageMapper.safeFileName(" \t ")).isEqualTo("document");
    assertThat(MessageMapper.safeFileName("x".repeat(300))).hasSize(255);
  }

  private InboundMessage only(String fixture) {
    return onlyIn(WhatsAppFixtures.json(fixture));
  }

  /** The single message of a delivery's JSON. */
  private InboundMessage onlyIn(String json) {
    List<InboundEvent> events;
    try {
      events = parser.parse(JSON.readTree(json), WhatsAppFixtures.NUMBER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(events).hasSize(1);
    return (InboundMessage) events.get(0);
  }

  private List<InboundEvent> parse(String fixture) {
    try {
      return parser.parse(JSON.readTree(WhatsAppFixtures.json(fixture)), WhatsAppFixtures.NUMBER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(InboundAttachment file) throws IOException {
    try (InputStream in = file.content().get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
