package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.twitter.XFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CRC handshake, the delivery signature, and bodies refused before parsing. */
class XWebhookTest {
  private final FakeX fake = new FakeX();
  private final XConnector connector = new XConnector(XConfig.builder()
      .account(XFixtures.X, XFixtures.OWN_USER, XFixtures.CONSUMER_SECRET, () -> FakeX.TOKEN)
      .apiBaseUrl(fake.baseUrl()).http(h -> h.maxWebhookBytes(4096)).build());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theCrcIsAnsweredWithTheBase64HmacOfTheTokenKeyedByTheConsumerSecret() throws Exception {
    WebhookRequest crc = new WebhookRequest("GET", "/webhooks/x/x-support",
        Map.of("crc_token", "OTAzNzQ5NjgzNTIwMTA3Mw", "nonce", "MTY4Nzk0NjE0MjE3NA"), Map.of(), new byte[0]);

    WebhookResult result = connector.handle(crc, ACCOUNT);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(XFixtures.CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(
        mac.doFinal("OTAzNzQ5NjgzNTIwMTA3Mw".getBytes(StandardCharsets.UTF_8)));
    assertThat(result.events()).isEmpty();
    assertThat(result.response().status()).isEqualTo(200);
    assertThat(result.response().contentType()).isEqualTo("application/json");
    assertThat(result.response().body()).isEqualTo("{\"response_token\":\"sha256=" + expected + "\"}");
  }

  @Test
  void aGetWithoutCrcTokenIsInvalidInput() {
    WebhookRequest get = new WebhookRequest("GET", "/w", Map.of(), Map.of(), new byte[0]);
    assertThatThrownBy(() -> connector.handle(get, ACCOUNT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("crc_token");
  }

  @Test
  void aDeliveryWithoutSignatureIsRefused() {
    WebhookRequest unsigned = WebhookRequest.postJson("/w", Map.of(), XFixtures.json("text", fake));
    assertThatThrownBy(() -> connector.handle(unsigned, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("missing x-twitter-webhooks-signature");
  }

  @Test
  void aDeliverySignedWithAnotherSecretIsRefused() {
    String body = XFixtures.json("text", fake);
    String wrong = "sha256=" + Base64.getEncoder().encodeToString(new byte[32]);
    WebhookRequest forged = WebhookRequest.postJson("/w", Map.of(XConnector.SIGNATURE_HEADER, wrong), body);
    assertThatThrownBy(() -> connector.handle(forged, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match the body");
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() {
    WebhookRequest signed = XFixtures.delivery("text", fake);
    WebhookRequest changed = new WebhookRequest("POST", signed.path(), Map.of(), signed.headers(),
        signed.bodyText().replace("Order", "Refund").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> connector.handle(changed, ACCOUNT)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void malformedJsonIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(XFixtures.signed("{\"for_user_id\":"), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void aWrongContentTypeIsInvalidInput() {
    WebhookRequest signed = XFixtures.delivery("text", fake);
    WebhookRequest form = new WebhookRequest("POST", "/w", Map.of(), Map.of(
        XConnector.SIGNATURE_HEADER, List.of(signed.header(XConnector.SIGNATURE_HEADER).orElseThrow()),
        "Content-Type", List.of("application/x-www-form-urlencoded")), signed.body());
    assertThatThrownBy(() -> connector.handle(form, ACCOUNT)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("application/json");
  }

  @Test
  void anOversizedBodyIsInvalidInput() {
    String big = XFixtures.json("text", fake).replace("\"for_user_id\"", "\"pad\":\"" + "x".repeat(5000)
        + "\",\"for_user_id\"");
    assertThatThrownBy(() -> connector.handle(XFixtures.signed(big), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 4096");
  }

  @Test
  void aDeliveryForAnotherUserIsInvalidInput() {
    String other = XFixtures.json("text", fake).replace("\"for_user_id\": \"4337869213\"", "\"for_user_id\": \"1\"");
    assertThatThrownBy(() -> connector.handle(XFixtures.signed(other), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("for X user 1");
  }

  @Test
  void anEventWithoutIdIsInvalidInput() {
    String noId = XFixtures.json("text", fake).replace("\"id\": \"1496843253045723140\",", "");
    assertThatThrownBy(() -> connector.handle(XFixtures.signed(noId), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"id\"");
  }

  @Test
  void aPutIsInvalidInput() {
    WebhookRequest put = new WebhookRequest("PUT", "/w", Map.of(), Map.of(), new byte[0]);
    assertThatThrownBy(() -> connector.handle(put, ACCOUNT)).isInstanceOf(InvalidInputException.class);
  }
}
