package io.openchannel.adapters.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaWebhookTest {
  private final MetaWebhook webhook = new MetaWebhook("Messenger", "app-secret-123", "verify-me", 1000);

  private static WebhookRequest get(Map<String, String> query) {
    return new WebhookRequest("GET", "/hook", query, Map.of(), new byte[0]);
  }

  private WebhookRequest signed(String json, String contentType) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest("POST", "/hook", Map.of(), Map.of("Content-Type", List.of(contentType),
        MetaWebhook.SIGNATURE_HEADER, List.of(webhook.sign(body))), body);
  }

  @Test
  void aHandshakeWithTheRightTokenEchoesTheChallenge() {
    var answer = webhook.handshake(get(Map.of("hub.mode", "subscribe", "hub.verify_token", "verify-me",
        "hub.challenge", "1158201444")));

    assertThat(answer).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("1158201444");
    });
  }

  @Test
  void aHandshakeWithAWrongTokenOrModeIsRefused() {
    assertThatThrownBy(() -> webhook.handshake(get(Map.of("hub.mode", "subscribe",
        "hub.verify_token", "guess", "hub.challenge", "1"))))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("verify_token");
    assertThatThrownBy(() -> webhook.handshake(get(Map.of("hub.mode", "unsubscribe",
        "hub.verify_token", "verify-me", "hub.challenge", "1"))))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("subscribe");
    assertThatThrownBy(() -> webhook.handshake(get(Map.of("hub.mode", "subscribe",
        "hub.challenge", "1"))))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aChallengeThatIsNotPlainTextIsNotEchoed() {
    assertThatThrownBy(() -> webhook.handshake(get(Map.of("hub.mode", "subscribe",
        "hub.verify_token", "verify-me", "hub.challenge", "<script>alert(1)</script> x"))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aGetThatIsNoHandshakeIsInvalidAndAPostIsNoHandshake() {
    assertThatThrownBy(() -> webhook.handshake(get(Map.of())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hub.mode");
    assertThat(webhook.handshake(signed("{}", "application/json"))).isEmpty();
  }

  @Test
  void aSignedJsonObjectIsRead() {
    assertThat(webhook.readDelivery(signed("{\"object\":\"page\",\"entry\":[]}",
        "application/json; charset=utf-8")).path("object").asText()).isEqualTo("page");
  }

  @Test
  void aMissingOrWrongSignatureIsRefusedBeforeTheBodyIsRead() {
    WebhookRequest ok = signed("{not json", "application/json");
    WebhookRequest unsigned = new WebhookRequest("POST", "/hook", Map.of(),
        Map.of("Content-Type", List.of("application/json")), ok.body());
    WebhookRequest otherSecret = new WebhookRequest("POST", "/hook", Map.of(), Map.of(
        "Content-Type", List.of("application/json"), MetaWebhook.SIGNATURE_HEADER,
        List.of(new MetaWebhook("Messenger", "other", "v", 1000).sign(ok.body()))), ok.body());

    assertThatThrownBy(() -> webhook.readDelivery(unsigned))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> webhook.readDelivery(otherSecret))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void wrongContentTypeOversizedAndMalformedBodiesAreInvalidInput() {
    assertThatThrownBy(() -> webhook.readDelivery(signed("{}", "text/plain")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Content-Type");
    assertThatThrownBy(() -> webhook.readDelivery(signed("{\"a\":\"" + "x".repeat(1000) + "\"}",
        "application/json"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000");
    assertThatThrownBy(() -> webhook.readDelivery(signed("{\"a\":1", "application/json")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> webhook.readDelivery(signed("[1]", "application/json")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> webhook.readDelivery(signed("{\"a\":1,\"a\":2}", "application/json")))
        .isInstanceOf(InvalidInputException.class);
  }
}
