package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.telegram.TelegramFixtures.ACCOUNT;
import static io.openchannel.adapters.telegram.TelegramFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.spi.channel.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateParsingTest {
  private final FakeTelegram fake = new FakeTelegram();
  private final TelegramConnector connector = TelegramFixtures.connector(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  private InboundMessage only(String fixture) {
    var events = connector.handle(update(fixture), ACCOUNT).events();
    assertThat(events).hasSize(1);
    return (InboundMessage) events.get(0);
  }

  @Test
  void aTextMessageKeepsEmojiAndRtlTextExactlyAndNamesTheSender() {
    InboundMessage m = only("text");

    assertThat(m.channelMessageId()).isEqualTo("5012345678:1207");
    assertThat(m.text()).isEqualTo("مرحبا! My order 👋🏽 hasn't arrived");
    assertThat(m.sender().externalId()).isEqualTo("5012345678");
    assertThat(m.sender().firstName()).contains("Layla");
    assertThat(m.sender().lastName()).contains("Haddad");
    assertThat(m.sender().fields()).isEqualTo(Map.of("telegram", "layla_h"));
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
    assertThat(m.attachment()).isEmpty();
  }

  @Test
  void aPhotoBringsItsCaptionAndTheLargestSizeDownloadedOnlyWhenOpened() throws IOException {
    fake.file("AgACAgQAAxkBAAIBlarge", "photos/file_7.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});

    InboundMessage m = only("photo");

    assertThat(fake.received()).isEmpty(); // lazy: nothing fetched while parsing
    assertThat(m.text()).isEqualTo("The box was damaged 📦");
    var photo = m.attachment().orElseThrow();
    assertThat(photo.fileName()).isEqualTo("photo-AQADlarge.jpg");
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    try (InputStream in = photo.content().get()) {
      assertThat(in.readAllBytes()).containsExactly(0xFF, 0xD8, 1);
    }
    assertThat(fake.received()).extracting(FakeTelegram.Received::path).containsExactly(
        "/bot" + FakeTelegram.TOKEN + "/getFile", "/file/bot" + FakeTelegram.TOKEN + "/photos/file_7.jpg");
    assertThat(fake.received().get(0).json().path("file_id").asText()).isEqualTo("AgACAgQAAxkBAAIBlarge");
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aFileTelegramWillNotGiveFailsOnOpeningWithItsReasonAndWithoutTheToken() {
    var photo = only("photo").attachment().orElseThrow(); // the fake knows no such file_id

    assertThatThrownBy(() -> photo.content().get()).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("invalid file_id").hasMessageNotContaining(FakeTelegram.TOKEN);
  }

  @Test
  void aDocumentKeepsItsNameAndType() {
    var file = only("document").attachment().orElseThrow();

    assertThat(file.fileName()).isEqualTo("invoice-2026-11.pdf");
    assertThat(file.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aVoiceNoteIsFlaggedAsVoice() {
    InboundMessage m = only("voice");

    assertThat(m.voice()).isTrue();
    assertThat(m.text()).isEmpty();
    assertThat(m.attachment().orElseThrow().contentType()).isEqualTo("audio/ogg");
  }

  @Test
  void aStickerIsAnImageWithoutText() {
    InboundMessage m = only("sticker");

    assertThat(m.voice()).isFalse();
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("sticker-AgADsticker.webp");
    assertThat(m.attachment().orElseThrow().contentType()).isEqualTo("image/webp");
  }

  @Test
  void missingOptionalFieldsLeaveTheProfileBare() {
    InboundMessage m = only("minimal");

    assertThat(m.channelMessageId()).isEqualTo("42:1");
    assertThat(m.sender().firstName()).isEmpty();
    assertThat(m.sender().fields()).isEmpty();
    assertThat(m.sentAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(only("unknown-fields").text()).isEqualTo("still here?");
  }

  @Test
  void idsBeyondDoublePrecisionAreKeptExactly() {
    InboundMessage m = only("huge-ids");

    assertThat(m.channelMessageId()).isEqualTo("9007199254740993:9007199254740993");
    assertThat(m.sender().externalId()).isEqualTo("9007199254740993");
  }

  @Test
  void editsChannelPostsGroupsCallbacksAndServiceMessagesStoreNothingButAreAcknowledged() {
    for (String fixture : new String[] {"edited", "channel-post", "group", "callback-query", "service"}) {
      var result = connector.handle(update(fixture), ACCOUNT);

      assertThat(result.events()).as(fixture).isEmpty();
      assertThat(result.response().status()).as(fixture).isEqualTo(200);
    }
  }
}
