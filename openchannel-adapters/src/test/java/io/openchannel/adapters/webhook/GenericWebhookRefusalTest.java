package io.openchannel.adapters.webhook;

import static io.openchannel.adapters.webhook.GenericFixtures.SECRET;
import static io.openchannel.adapters.webhook.GenericFixtures.fixture;
import static io.openchannel.adapters.webhook.GenericFixtures.request;
import static io.openchannel.adapters.webhook.GenericFixtures.withApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication and the envelope: what is refused, and with which exception and words. */
class GenericWebhookRefusalTest {
  private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

  private final GenericWebhookConnector connector = new GenericWebhookConnector(
      GenericWebhookConfig.builder(SECRET).clock(GenericFixtures.CLOCK)
          .http(h -> h.maxWebhookBytes(4096)).build());
  private final Account account = GenericFixtures.account("http://127.0.0.1:9/reply", "phone");

  @Test
  void aBearerTokenAuthenticatesLikeTheApiKey() {
    WebhookRequest bearer = request(Map.of(),
        Map.of("Content-Type", "application/json; charset=UTF-8", "Authorization", "Bearer " + SECRET),
        fixture("minimal.json"));

    assertThat(connector.handle(bearer, account).events()).hasSize(1)
        .first().isInstanceOf(InboundMessage.class);
  }

  @Test
  void aMissingSecretIsRefusedBeforeTheBodyIsRead() {
    WebhookRequest anonymous = request(Map.of(), JSON_TYPE, "{not json");

    assertThatThrownBy(() -> connector.handle(anonymous, account))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("apikey");
  }

  @Test
  void aWrongApiKeyIsRefused() {
    WebhookRequest wrong = request(Map.of("apikey", SECRET + "x"), JSON_TYPE, fixture("minimal.json"));

    assertThatThrownBy(() -> connector.handle(wrong, account))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void aWrongBearerTokenIsRefused() {
    WebhookRequest wrong = request(Map.of(),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer nope"), fixture("minimal.json"));

    assertThatThrownBy(() -> connector.handle(wrong, account))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aFormEncodedBodyIsRefusedForItsContentType() {
    WebhookRequest form = request(Map.of("apikey", SECRET),
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "from=u&body=hi");

    assertThatThrownBy(() -> connector.handle(form, account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Content-Type");
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    String big = "{\"from\":\"u\",\"body\":\"" + "a".repeat(5000) + "\"}";

    assertThatThrownBy(() -> connector.handle(withApiKey(big), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 4096");
  }

  @Test
  void malformedJsonIsRefusedAsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(withApiKey("{\"from\": \"u\", \"body\": "), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void aJsonArrayIsRefused() {
    assertThatThrownBy(() -> connector.handle(withApiKey("[{\"from\":\"u\",\"body\":\"x\"}]"), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
  }

  @Test
  void aMissingFromIsRefusedByName() {
    assertThatThrownBy(() -> connector.handle(withApiKey("{\"body\":\"hi\"}"), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"from\"");
  }

  @Test
  void aBlankBodyIsRefusedByName() {
    assertThatThrownBy(() -> connector.handle(withApiKey("{\"from\":\"u\",\"body\":\"  \"}"), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"body\"");
  }

  @Test
  void aBodyThatIsNotAStringIsRefused() {
    assertThatThrownBy(() -> connector.handle(withApiKey("{\"from\":\"u\",\"body\":{\"t\":1}}"), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a string");
  }

  @Test
  void anAttachmentWithoutADownloadTemplateIsRefused() {
    assertThatThrownBy(() -> connector.handle(withApiKey(fixture("attachment.json")), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("attachmentUrlTemplate");
  }

  @Test
  void aGetIsRefused() {
    WebhookRequest get = new WebhookRequest("GET", "/notify", Map.of("apikey", SECRET), Map.of(),
        new byte[0]);

    assertThatThrownBy(() -> connector.handle(get, account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("POST");
  }

  @Test
  void aMessageIdLongerThanTheStoreAllowsIsRefusedByName() {
    String json = "{\"from\":\"u\",\"body\":\"x\",\"messageId\":\"" + "9".repeat(600) + "\"}";

    assertThatThrownBy(() -> connector.handle(withApiKey(json), account))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("message id");
  }

  @Test
  void aShortSecretIsRefusedAtBuild() {
    assertThatThrownBy(() -> GenericWebhookConfig.builder("short").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 16");
  }

  @Test
  void aMissingContentTypeIsTolerated() {
    WebhookRequest bare = new WebhookRequest("POST", "/notify", Map.of("apikey", SECRET),
        Map.of("X-Other", List.of("1")), fixture("minimal.json").getBytes(StandardCharsets.UTF_8));

    assertThat(connector.handle(bare, account).events()).hasSize(1);
  }
}
