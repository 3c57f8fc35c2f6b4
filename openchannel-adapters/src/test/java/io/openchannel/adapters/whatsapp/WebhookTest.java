package io.openchannel.adapters.whatsapp;

import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.ACCOUNT;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.json;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook: handshake, signature, refusals, and media fetched through the fake Cloud API. */
class WebhookTest {
  private final FakeCloudApi fake = new FakeCloudApi();
  private final WhatsAppConnector connector = new WhatsAppConnector(
      WhatsAppFixtures.config(fake).http(h -> h.maxWebhookBytes(8192)).build());

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void theSubscriptionHandshakeEchoesTheChallenge() {
    WebhookResult result = connector.handle(handshake(WhatsAppFixtures.VERIFY_TOKEN), ACCOUNT);

    assertThat(result.events()).isEmpty();
    assertThat(result.response().status()).isEqualTo(200);
    assertThat(result.response().body()).isEqualTo("1158201444");
  }

  @Test
  void aHandshakeWithTheWrongVerifyTokenIsRefused() {
    assertThatThrownBy(() -> connector.handle(handshake("guess"), ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("verify_token");
  }

  @Test
  void aMissingSignatureIsRefused() {
    WebhookRequest unsigned = WebhookRequest.postJson("/hook", Map.of(), json("text"));

    assertThatThrownBy(() -> connector.handle(unsigned, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining(MetaWebhook.SIGNATURE_HEADER);
  }

  @Test
  void aSignatureWithAnotherSecretIsRefused() {
    MetaWebhook other = new MetaWebhook("WhatsApp", "not-the-app-secret", "x", 1);
    byte[] body = json("text").getBytes(StandardCharsets.UTF_8);
    WebhookRequest forged = WebhookRequest.postJson("/hook",
        Map.of(MetaWebhook.SIGNATURE_HEADER, other.sign(body)), json("text"));

    assertThatThrownBy(() -> connector.handle(forged, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void verificationComesBeforeParsing() {
    WebhookRequest garbage = WebhookRequest.postJson("/hook",
        Map.of(MetaWebhook.SIGNATURE_HEADER, "sha256=00"), "{oops");

    assertThatThrownBy(() -> connector.handle(garbage, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void signedMalformedJsonIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(signed("{\"object\": \"whatsapp_business_account\","), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> connector.handle(signed(json("text") + " {}"), ACCOUNT))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> connector.handle(signed("[]"), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
  }

  @Test
  void aFormPostIsRefusedForItsContentType() {
    byte[] body = "object=whatsapp_business_account".getBytes(StandardCharsets.UTF_8);
    String signature = signed("object=whatsapp_business_account").header(MetaWebhook.SIGNATURE_HEADER)
        .orElseThrow();
    WebhookRequest form = new WebhookRequest("POST", "/hook", Map.of(),
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
            MetaWebhook.SIGNATURE_HEADER, List.of(signature)), body);

    assertThatThrownBy(() -> connector.handle(form, ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("application/json");
  }

  @Test
  void anOversizedBodyIsRefusedEvenWhenSigned() {
    String huge = json("text").replace("never arrived", "x".repeat(9000));

    assertThatThrownBy(() -> connector.handle(signed(huge), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 8192");
  }

  @Test
  void anAccountWithoutANumberIsToldHowToConfigureOne() {
    Account other = Account.of(AccountId.of("other"), ChannelType.WHATSAPP, "Other", ACCOUNT.settings());

    assertThatThrownBy(() -> connector.handle(WhatsAppFixtures.delivery("text"), other))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(".number(");
  }

  @Test
  void inboundMediaIsResolvedByIdThenDownloadedWithTheToken() throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4};
    fake.media("1479537139650973", "image/jpeg", jpeg);
    InboundMessage m = (InboundMessage) connector.handle(WhatsAppFixtures.delivery("image"), ACCOUNT)
        .events().get(0);
    assertThat(fake.received()).isEmpty(); // nothing fetched until the engine opens it

    try (InputStream in = m.attachment().orElseThrow().content().get()) {
      assertThat(in.readAllBytes()).isEqualTo(jpeg);
    }
    assertThat(fake.received()).extracting(r -> r.method() + " " + r.path().replaceAll("\\?.*", ""))
        .containsExactly("GET /" + FakeCloudApi.VERSION + "/1479537139650973",
            "GET /whatsapp-media/1479537139650973/");
  }

  @Test
  void mediaWhatsAppCannotFindFailsOnOpeningWithoutTheToken() {
    fake.media("1479537139650973", "image/jpeg", new byte[1]); // a well-formed request...
    fake.failNext(400, 100, "Unsupported get request", "Object with ID '1479537139650973' does not exist",
        Map.of()); // ...for media that expired
    InboundMessage m = (InboundMessage) connector.handle(WhatsAppFixtures.delivery("image"), ACCOUNT)
        .events().get(0);

    assertThatThrownBy(() -> m.attachment().orElseThrow().content().get())
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("1479537139650973")
        .hasMessageContaining("100").hasMessageNotContaining(WhatsAppFixtures.TOKEN);
  }

  private static WebhookRequest handshake(String verifyToken) {
    return new WebhookRequest("GET", "/hook", Map.of("hub.mode", "subscribe",
        "hub.verify_token", verifyToken, "hub.challenge", "1158201444"), Map.of(), new byte[0]);
  }
}
