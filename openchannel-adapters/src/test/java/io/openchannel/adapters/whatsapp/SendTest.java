package io.openchannel.adapters.whatsapp;

import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.ACCOUNT;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.LAYLA;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.PHONE_NUMBER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every kind of send against the fake Cloud API: the request it gets and how answers are read. */
class SendTest {
  private final FakeCloudApi fake = new FakeCloudApi();
  private final WhatsAppConnector connector = WhatsAppFixtures.connector(fake);

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void textIsPostedToTheNumbersMessagesEdgeWithTheBearerToken() {
    SendResult result = connector.send(WhatsAppFixtures.text(LAYLA, "مرحبا Layla 👋"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent("wamid.fake-1"));
    FakeGraph.Received call = fake.last();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/" + FakeCloudApi.VERSION + "/" + PHONE_NUMBER_ID + "/messages");
    assertThat(call.contentType()).startsWith("application/json");
    JsonNode body = call.json();
    assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
    assertThat(body.path("to").asText()).isEqualTo(LAYLA);
    assertThat(body.path("type").asText()).isEqualTo("text");
    assertThat(body.path("text").path("body").asText()).isEqualTo("مرحبا Layla 👋");
    assertThat(body.path("text").path("preview_url").asBoolean(true)).isFalse();
    assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("m-42");
  }

  @Test
  void aTemplateCarriesNameLanguageAndBodyParametersInOrder() {
    MessageTemplate t = MessageTemplate.of("order_update", "en_US", "#1042", "Friday");

    SendResult result = connector.send(WhatsAppFixtures.template(LAYLA, t), ACCOUNT);

    assertThat(result).isInstanceOf(SendResult.Sent.class);
    JsonNode template = fake.last().json().path("template");
    assertThat(fake.last().json().path("type").asText()).isEqualTo("template");
    assertThat(template.path("name").asText()).isEqualTo("order_update");
    assertThat(template.path("language").path("code").asText()).isEqualTo("en_US");
    JsonNode component = template.path("components").path(0);
    assertThat(component.path("type").asText()).isEqualTo("body");
    assertThat(component.path("parameters")).extracting(p -> p.path("text").asText())
        .containsExactly("#1042", "Friday");
  }

  @Test
  void aTemplateWithoutParametersHasNoComponents() {
    connector.send(WhatsAppFixtures.template(LAYLA, MessageTemplate.of("hello_world", "en_US")), ACCOUNT);

    assertThat(fake.last().json().path("template").has("components")).isFalse();
  }

  @Test
  void anImageIsUploadedThenSentByMediaIdWithItsCaption() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x42};
    Attachment a = WhatsAppFixtures.attachment("box.jpg", "image/jpeg", jpeg.length);

    SendResult result = connector.send(
        WhatsAppFixtures.file(LAYLA, MessageKind.ATTACHMENT, "Is this the box?", a, jpeg), ACCOUNT);

    assertThat(result).isInstanceOf(SendResult.Sent.class);
    FakeGraph.Received upload = fake.received().get(0);
    assertThat(upload.path()).isEqualTo("/" + FakeCloudApi.VERSION + "/" + PHONE_NUMBER_ID + "/media");
    Map<String, FakeGraph.Part> parts = upload.parts();
    assertThat(parts.get("messaging_product").text()).isEqualTo("whatsapp");
    assertThat(parts.get("type").text()).isEqualTo("image/jpeg");
    assertThat(parts.get("file").fileName()).isEqualTo("box.jpg");
    assertThat(parts.get("file").bytes()).isEqualTo(jpeg);
    JsonNode image = fake.last().json().path("image");
    assertThat(fake.last().json().path("type").asText()).isEqualTo("image");
    assertThat(image.path("id").asText()).isEqualTo("4490000000000001");
    assertThat(image.path("caption").asText()).isEqualTo("Is this the box?");
  }

  @Test
  void aPdfGoesAsADocumentWithItsFileName() {
    Attachment a = WhatsAppFixtures.attachment("Invoice 1042.pdf", "application/pdf", 4);

    connector.send(WhatsAppFixtures.file(LAYLA, MessageKind.ATTACHMENT, "", a, FakeCloudApi.bytes("%PDF")),
        ACCOUNT);

    JsonNode document = fake.last().json().path("document");
    assertThat(document.path("filename").asText()).isEqualTo("Invoice 1042.pdf");
    assertThat(document.has("caption")).isFalse();
  }

  @Test
  void aVoiceMessageGoesAsAudioAndAudioWithTextAsADocument() {
    Attachment ogg = WhatsAppFixtures.attachment("voice.ogg", "audio/ogg", 3);
    connector.send(WhatsAppFixtures.file(LAYLA, MessageKind.VOICE, "", ogg, FakeCloudApi.bytes("Ogg")),
        ACCOUNT);
    assertThat(fake.last().json().path("type").asText()).isEqualTo("audio");

    Attachment mp3 = WhatsAppFixtures.attachment("song.mp3", "audio/mpeg", 3);
    connector.send(WhatsAppFixtures.file(LAYLA, MessageKind.ATTACHMENT, "listen", mp3,
        FakeCloudApi.bytes("ID3")), ACCOUNT);
    assertThat(fake.last().json().path("type").asText()).isEqualTo("document");
    assertThat(fake.last().json().path("document").path("caption").asText()).isEqualTo("listen");
  }

  @Test
  void aVideoAndAWebpImageGoAsVideoAndDocument() {
    assertThat(SendBodies.mediaType(MessageKind.ATTACHMENT,
        WhatsAppFixtures.attachment("a.mp4", "video/mp4", 1), "")).isEqualTo("video");
    assertThat(SendBodies.mediaType(MessageKind.ATTACHMENT,
        WhatsAppFixtures.attachment("a.webp", "image/webp", 1), "")).isEqualTo("document");
    assertThat(SendBodies.mediaType(MessageKind.ATTACHMENT,
        WhatsAppFixtures.attachment("a.PNG", "Image/PNG", 1), "")).isEqualTo("image");
  }

  @Test
  void rateLimitsAreTransientWithTheWaitMetaAskedFor() {
    fake.failNext(429, 130429, "Rate limit hit", "Cloud API message throughput has been reached.",
        Map.of("Retry-After", "7"));

    SendResult result = connector.send(WhatsAppFixtures.text(LAYLA, "hi"), ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(f.reason()).startsWith("WhatsApp Graph error 130429");
    });
  }

  @Test
  void tooManyMessagesToOneCustomerAndServerErrorsAreTransient() {
    fake.failNext(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
        "Message failed to send because there were too many messages sent from this phone number"
            + " to the same phone number in a short period of time.", Map.of());
    fake.failNext(503, 131000, "Something went wrong", "Something went wrong", Map.of());

    assertThat(kind(connector.send(WhatsAppFixtures.text(LAYLA, "a"), ACCOUNT))).isEqualTo(FailureKind.TRANSIENT);
    assertThat(kind(connector.send(WhatsAppFixtures.text(LAYLA, "b"), ACCOUNT))).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void outsideTheWindowIsAPolicyRefusalWithWhatsAppsDetails() {
    fake.failNext(400, 131047, "Re-engagement message", "Message failed to send because more than 24"
        + " hours have passed since the customer last replied to this number.", Map.of());

    SendResult result = connector.send(WhatsAppFixtures.text(LAYLA, "late"), ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.POLICY);
      assertThat(f.reason()).contains("131047").contains("more than 24 hours");
    });
  }

  @Test
  void templateUndeliverableParameterAndTokenErrorsArePermanentWithAHint() {
    fake.failNext(400, 132001, "Template name does not exist in the translation",
        "template name (order_updat) does not exist in en_US", Map.of());
    fake.failNext(400, 131026, "Message undeliverable", "Message Undeliverable.", Map.of());
    fake.failNext(400, 100, "Invalid parameter", "Parameter 'to' is invalid", Map.of());
    fake.failNext(401, 190, "Error validating access token: Session has expired", "", Map.of());

    SendResult.Failed template = failed(connector.send(WhatsAppFixtures.template(LAYLA,
        MessageTemplate.of("order_updat", "en_US")), ACCOUNT));
    SendResult.Failed undeliverable = failed(connector.send(WhatsAppFixtures.text(LAYLA, "x"), ACCOUNT));
    SendResult.Failed parameter = failed(connector.send(WhatsAppFixtures.text(LAYLA, "y"), ACCOUNT));
    SendResult.Failed token = failed(connector.send(WhatsAppFixtures.text(LAYLA, "z"), ACCOUNT));

    assertThat(template.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(template.reason()).contains("132001").contains("does not exist in en_US")
        .contains("approved");
    assertThat(undeliverable.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(undeliverable.reason()).contains("131026").contains("not on WhatsApp");
    assertThat(parameter.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(parameter.reason()).contains("Parameter 'to' is invalid");
    assertThat(token.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(token.reason()).contains("190").contains("system user token").doesNotContain("Page");
  }

  @Test
  void aFailedUploadIsClassifiedAndNothingIsSent() {
    fake.failNext(400, 131053, "Media upload error", "Unsupported file type", Map.of());
    Attachment a = WhatsAppFixtures.attachment("x.pdf", "application/pdf", 1);

    SendResult result = connector.send(WhatsAppFixtures.file(LAYLA, MessageKind.ATTACHMENT, "", a,
        FakeCloudApi.bytes("x")), ACCOUNT);

    assertThat(failed(result).kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(failed(result).reason()).contains("Unsupported file type");
    assertThat(fake.sent()).isEmpty();
  }

  @Test
  void anUnreadableBlobIsATransientFailureNotAnException() {
    Attachment a = WhatsAppFixtures.attachment("x.pdf", "application/pdf", 1);
    OutboundMessage broken = new OutboundMessage(MessageId.of("m-7"), InteractionId.of("i1"),
        WhatsAppFixtures.WA, ConversationKey.direct(WhatsAppFixtures.WA, LAYLA),
        WhatsAppFixtures.text(LAYLA, "x").contact(), MessageKind.ATTACHMENT, "", Optional.of(a),
        Optional.of(() -> {
          throw new UncheckedIOException(new IOException("blob store is down"));
        }), false, Optional.empty(), Optional.empty());

    assertThat(failed(connector.send(broken, ACCOUNT)).kind()).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void aRefusedConnectionIsTransientAndDoesNotLeakTheToken() {
    fake.close();

    SendResult.Failed result = failed(connector.send(WhatsAppFixtures.text(LAYLA, "x"), ACCOUNT));

    assertThat(result.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(result.reason()).doesNotContain(WhatsAppFixtures.TOKEN).doesNotContain(LAYLA);
  }

  @Test
  void anAccountWithoutANumberIsAPermanentFailureSayingHowToAddOne() {
    Account other = Account.of(AccountId.of("other"), ChannelType.WHATSAPP, "Other", ACCOUNT.settings());

    SendResult.Failed result = failed(connector.send(WhatsAppFixtures.text(LAYLA, "x"), other));

    assertThat(result.kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(result.reason()).contains(".number(");
  }

  private static FailureKind kind(SendResult r) {
    return failed(r).kind();
  }

  private static SendResult.Failed failed(SendResult r) {
    assertThat(r).isInstanceOf(SendResult.Failed.class);
    return (SendResult.Failed) r;
  }
}
