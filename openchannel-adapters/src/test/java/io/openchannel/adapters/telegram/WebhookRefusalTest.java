package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.telegram.TelegramFixtures.ACCOUNT;
import static io.openchannel.adapters.telegram.TelegramFixtures.SECRET;
import static io.openchannel.adapters.telegram.TelegramFixtures.json;
import static io.openchannel.adapters.telegram.TelegramFixtures.post;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the webhook refuses, and how; no HTTP is involved, so no fake server either. */
class WebhookRefusalTest {
  private final TelegramConnector connector = new TelegramConnector(TelegramConfig.builder()
      .bot(TelegramFixtures.TG, FakeTelegram.TOKEN, SECRET).http(h -> h.maxWebhookBytes(4096)).build());

  @Test
  void aWrongSecretIsAVerificationFailure() {
    assertThatThrownBy(() -> connector.handle(post(json("text"), SECRET + "x"), ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void aMissingSecretSaysWhereToSetIt() {
    assertThatThrownBy(() -> connector.handle(post(json("text"), null), ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("secret_token");
  }

  @Test
  void verificationComesBeforeParsingSoGarbageWithoutSecretIsStillUnverified() {
    assertThatThrownBy(() -> connector.handle(post("{oops", "nope"), ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void malformedJsonIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(post("{\"update_id\": 1,", SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void trailingGarbageAfterTheUpdateIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(post(json("minimal") + " {}", SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anArrayOrAnEmptyBodyIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(post("[1,2]", SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> connector.handle(post("", SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anUpdateWithoutUpdateIdOrAMessageWithoutDateIsInvalidInput() {
    assertThatThrownBy(() -> connector.handle(post("{\"message\":{}}", SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("update_id");
    assertThatThrownBy(() -> connector.handle(post(json("minimal").replace("\"date\": 0,", ""), SECRET),
        ACCOUNT)).isInstanceOf(InvalidInputException.class).hasMessageContaining("date");
  }

  @Test
  void aFormPostIsRefusedForItsContentType() {
    WebhookRequest form = new WebhookRequest("POST", "/hook", Map.of(),
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
            TelegramConnector.SECRET_HEADER, List.of(SECRET)),
        "update_id=1".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> connector.handle(form, ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("application/json");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeParsing() {
    String huge = "{\"update_id\":1,\"pad\":\"" + "x".repeat(5000) + "\"}";

    assertThatThrownBy(() -> connector.handle(post(huge, SECRET), ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 4096");
  }

  @Test
  void anAccountWithoutABotIsToldHowToConfigureOne() {
    Account other = Account.of(AccountId.of("other"), ChannelType.TELEGRAM, "Other", ACCOUNT.settings());

    assertThatThrownBy(() -> connector.handle(post(json("text"), SECRET), other))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(".bot(");
  }
}
