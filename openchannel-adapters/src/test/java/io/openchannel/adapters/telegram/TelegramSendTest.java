package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.telegram.TelegramFixtures.ACCOUNT;
import static io.openchannel.adapters.telegram.TelegramFixtures.attachment;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramSendTest {
  private static final String CHAT = "5012345678";
  private final FakeTelegram fake = new FakeTelegram();
  private final TelegramConnector connector = TelegramFixtures.connector(fake);

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void textGoesBySendMessageAsJsonAndComesBackWithChatAndMessageId() {
    SendResult result = connector.send(TelegramFixtures.text(CHAT, "مرحبا Layla 👋"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent(CHAT + ":9001"));
    FakeTelegram.Received r = fake.last();
    assertThat(r.path()).isEqualTo("/bot" + FakeTelegram.TOKEN + "/sendMessage");
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("chat_id").isIntegralNumber()).isTrue();
    assertThat(r.json().get("chat_id").asLong()).isEqualTo(5012345678L);
    assertThat(r.json().get("text").asText()).isEqualTo("مرحبا Layla 👋");
  }

  @Test
  void aHugeChatIdIsSentAsAnExactNumber() {
    connector.send(TelegramFixtures.text("9007199254740993", "hi"), ACCOUNT);

    assertThat(new String(fake.last().body(), StandardCharsets.UTF_8)).contains("\"chat_id\":9007199254740993");
  }

  @Test
  void aJpegGoesBySendPhotoWithItsCaptionAndBytes() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 0, 13, 10, 45, 45};
    SendResult result = connector.send(TelegramFixtures.file(CHAT, MessageKind.ATTACHMENT, "Your label",
        attachment("label.jpg", "image/jpeg", jpeg.length), jpeg), ACCOUNT);

    assertThat(result).isInstanceOf(SendResult.Sent.class);
    assertThat(fake.last().path()).endsWith("/sendPhoto");
    var parts = fake.last().parts();
    assertThat(parts.get("chat_id").text()).isEqualTo(CHAT);
    assertThat(parts.get("caption").text()).isEqualTo("Your label");
    assertThat(parts.get("photo").fileName()).isEqualTo("label.jpg");
    assertThat(parts.get("photo").contentType()).isEqualTo("image/jpeg");
    assertThat(parts.get("photo").bytes()).isEqualTo(jpeg);
  }

  @Test
  void aPdfGoesBySendDocumentWithoutCaptionWhenTheTextIsEmpty() {
    byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    connector.send(TelegramFixtures.file(CHAT, MessageKind.ATTACHMENT, "",
        attachment("invoice «11».pdf", "application/pdf", pdf.length), pdf), ACCOUNT);

    assertThat(fake.last().path()).endsWith("/sendDocument");
    var parts = fake.last().parts();
    assertThat(parts).containsOnlyKeys("chat_id", "document");
    assertThat(parts.get("document").fileName()).isEqualTo("invoice «11».pdf");
  }

  @Test
  void aVoiceMessageGoesBySendVoice() {
    byte[] ogg = "OggS".getBytes(StandardCharsets.US_ASCII);
    connector.send(TelegramFixtures.file(CHAT, MessageKind.VOICE, "",
        attachment("voice.ogg", "audio/ogg", ogg.length), ogg), ACCOUNT);

    assertThat(fake.last().path()).endsWith("/sendVoice");
    assertThat(fake.last().parts().get("voice").bytes()).isEqualTo(ogg);
  }

  @Test
  void aPhotoOverTenMegabytesGoesAsADocument() {
    assertThat(TelegramSender.method(MessageKind.ATTACHMENT,
        attachment("big.png", "image/png", 10L * 1024 * 1024 + 1))).isEqualTo("sendDocument");
  }

  @Test
  void tooManyRequestsIsTransientAfterTheDelayTelegramAsked() {
    fake.failNext(429, "Too Many Requests: retry after 35", 35);

    assertThat(connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT)).isEqualTo(
        SendResult.transientFailure("Telegram 429: Too Many Requests: retry after 35",
            Optional.of(Duration.ofSeconds(35))));
  }

  @Test
  void aServerErrorIsTransient() {
    fake.failNext(500, "Internal Server Error", null);

    assertThat(kind(connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT))).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void aBlockedBotIsPermanentWithTelegramsWords() {
    fake.failNext(403, "Forbidden: bot was blocked by the user", null);

    assertThat(connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT))
        .isEqualTo(SendResult.permanentFailure("Telegram 403: Forbidden: bot was blocked by the user"));
  }

  @Test
  void aUserWhoNeverStartedTheBotIsAPolicyRefusal() {
    fake.failNext(403, "Forbidden: bot can't initiate conversation with a user", null);

    SendResult result = connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT);

    assertThat(kind(result)).isEqualTo(FailureKind.POLICY);
    assertThat(((SendResult.Failed) result).reason()).contains("bot can't initiate conversation");
  }

  @Test
  void aBadRequestIsPermanent() {
    fake.failNext(400, "Bad Request: chat not found", null);

    assertThat(connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT))
        .isEqualTo(SendResult.permanentFailure("Telegram 400: Bad Request: chat not found"));
  }

  @Test
  void anUnreachableApiIsTransientAndTheErrorDoesNotLeakTheToken() {
    fake.close();

    SendResult result = connector.send(TelegramFixtures.text(CHAT, "hi"), ACCOUNT);

    assertThat(kind(result)).isEqualTo(FailureKind.TRANSIENT);
    assertThat(((SendResult.Failed) result).reason()).doesNotContain(FakeTelegram.TOKEN)
        .contains("123456789");
  }

  @Test
  void anAccountWithoutABotFailsPermanentlyWithoutCallingTelegram() {
    var other = io.openchannel.account.Account.of(io.openchannel.account.AccountId.of("other"),
        io.openchannel.account.ChannelType.TELEGRAM, "Other", ACCOUNT.settings());

    assertThat(kind(connector.send(TelegramFixtures.text(CHAT, "hi"), other))).isEqualTo(FailureKind.PERMANENT);
    assertThat(fake.received()).isEmpty();
  }

  private static FailureKind kind(SendResult result) {
    return ((SendResult.Failed) result).kind();
  }
}
