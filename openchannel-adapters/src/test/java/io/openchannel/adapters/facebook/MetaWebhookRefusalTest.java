package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.MESSENGER_ACCOUNT;
import static io.openchannel.adapters.facebook.FacebookFixtures.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Meta connectors refuse, and how: handshake, signature, body. */
class MetaWebhookRefusalTest {
  private final FakeGraph fake = new FakeGraph(FacebookFixtures.PAGE_TOKEN);
  private final MessengerConnector connector = new MessengerConnector(FacebookFixtures.config(fake));

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theSubscriptionHandshakeIsAnsweredWithTheChallenge() {
    WebhookResult result = connector.handle(FacebookFixtures.handshake(FacebookFixtures.VERIFY_TOKEN,
        "1158201444"), MESSENGER_ACCOUNT);

    assertThat(result.events()).isEmpty();
    assertThat(result.response().body()).isEqualTo("1158201444");
  }

  @Test
  void aHandshakeWithAnotherTokenIsRefused() {
    assertThatThrownBy(() -> connector.handle(FacebookFixtures.handshake("guess", "1"), MESSENGER_ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void anUnsignedOrForgedDeliveryIsRefused() {
    WebhookRequest valid = delivery("messenger-text");
    WebhookRequest forged = new WebhookRequest("POST", valid.path(), Map.of(), Map.of(
        "Content-Type", List.of("application/json"), MetaWebhook.SIGNATURE_HEADER,
        List.of(new MetaWebhook("x", "not-the-app-secret", "v", 1 << 20).sign(valid.body()))), valid.body());

    assertThatThrownBy(() -> connector.handle(FacebookFixtures.withoutSignature(valid), MESSENGER_ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining(MetaWebhook.SIGNATURE_HEADER);
    assertThatThrownBy(() -> connector.handle(forged, MESSENGER_ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
  }

  @Test
  void malformedJsonWrongContentTypeAndOversizedBodiesAreInvalidInput() {
    WebhookRequest text = delivery("messenger-text");
    WebhookRequest plain = new WebhookRequest("POST", text.path(), Map.of(), Map.of(
        "Content-Type", List.of("text/plain"), MetaWebhook.SIGNATURE_HEADER,
        text.headers().get(MetaWebhook.SIGNATURE_HEADER)), text.body());
    MessengerConnector small = new MessengerConnector(FacebookConfig.builder(FacebookFixtures.APP_SECRET,
        FacebookFixtures.VERIFY_TOKEN).page(FacebookFixtures.FB, FacebookFixtures.PAGE_ID, "t")
        .http(h -> h.maxWebhookBytes(100)).build());

    assertThatThrownBy(() -> connector.handle(FacebookFixtures.signed("{\"object\":\"page\",\"entry\":[}"),
        MESSENGER_ACCOUNT)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> connector.handle(plain, MESSENGER_ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Content-Type");
    assertThatThrownBy(() -> small.handle(text, MESSENGER_ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100");
    assertThatThrownBy(() -> connector.handle(FacebookFixtures.signed("{\"hello\":1}"), MESSENGER_ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("object");
  }

  @Test
  void anAccountWithoutPageIsInvalidInputNamingTheFix() {
    Account other = Account.of(AccountId.of("fb-other"), ChannelType.FACEBOOK_MESSENGER, "Other",
        AccountSettings.builder().build());

    assertThatThrownBy(() -> connector.handle(delivery("messenger-text"), other))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(".page(accountId");
  }

  @Test
  void badConfigurationIsRefusedAtBuildTime() {
    assertThatThrownBy(() -> FacebookConfig.builder(" ", "v")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> FacebookConfig.builder("s", "v").page(FacebookFixtures.FB, "my-page", "t"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("numeric");
    assertThatThrownBy(() -> FacebookConfig.builder("s", "v").page(FacebookFixtures.FB, "1", "t")
        .page(FacebookFixtures.FB, "2", "t")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> FacebookConfig.builder("s", "v").graphVersion("latest"))
        .isInstanceOf(InvalidInputException.class);
  }
}
