package io.openchannel.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings fail when set, and say which value is wrong and where the right one is. */
class WhatsAppConfigTest {
  private static final String PN = "106540352242922";
  private static final String WABA = "102290129340398";

  @Test
  void aValidConfigKeepsItsValuesAndDefaults() {
    WhatsAppConfig config = WhatsAppConfig.builder().number(WhatsAppFixtures.WA, WhatsAppFixtures.NUMBER)
        .http(h -> h.requestTimeout(Duration.ofSeconds(5))).build();

    assertThat(config.number(WhatsAppFixtures.WA)).contains(WhatsAppFixtures.NUMBER);
    assertThat(config.number(AccountId.of("nope"))).isEmpty();
    assertThat(config.graphBaseUrl()).hasToString("https://graph.facebook.com");
    assertThat(config.apiVersion()).isEqualTo(WhatsAppConfig.DEFAULT_API_VERSION);
    assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.http().maxWebhookBytes()).isEqualTo(3 * 1024 * 1024);
  }

  @Test
  void theNumberSaysWhichFieldIsWrong() {
    assertThatThrownBy(() -> new WhatsAppNumber("+1 555 078 3881", WABA, "t", "s", "v"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("phoneNumberId")
        .hasMessageContaining("not the phone number itself");
    assertThatThrownBy(() -> new WhatsAppNumber(PN, "waba", "t", "s", "v"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("wabaId");
    assertThatThrownBy(() -> new WhatsAppNumber(PN, WABA, "Bearer abc", "s", "v"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("accessToken")
        .hasMessageContaining("do not include");
    assertThatThrownBy(() -> new WhatsAppNumber(PN, WABA, "t", "", "v"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("appSecret");
    assertThatThrownBy(() -> new WhatsAppNumber(PN, WABA, "t", "s", "x".repeat(257)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("verifyToken");
  }

  @Test
  void secretsNeverShowInToString() {
    assertThat(WhatsAppFixtures.NUMBER.toString()).contains(PN)
        .doesNotContain(WhatsAppFixtures.TOKEN).doesNotContain(WhatsAppFixtures.APP_SECRET)
        .doesNotContain(WhatsAppFixtures.VERIFY_TOKEN);
  }

  @Test
  void oneNumberServesOneAccountAndAnAccountHasOneNumber() {
    WhatsAppConfig.Builder builder = WhatsAppConfig.builder().number(WhatsAppFixtures.WA, WhatsAppFixtures.NUMBER);

    assertThatThrownBy(() -> builder.number(AccountId.of("wa-2"), WhatsAppFixtures.NUMBER))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already the number of account");
    assertThatThrownBy(() -> builder.number(WhatsAppFixtures.WA,
        new WhatsAppNumber("1", WABA, "t", "s", "v")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already has");
  }

  @Test
  void urlsVersionsTimeoutsAndSizesAreChecked() {
    WhatsAppConfig.Builder b = WhatsAppConfig.builder();

    assertThatThrownBy(() -> b.graphBaseUrl("graph.facebook.com")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.graphBaseUrl("https://graph.facebook.com/?x=1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.apiVersion("24")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("v24.0");
    assertThatThrownBy(() -> b.http(h -> h.requestTimeout(Duration.ZERO))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.http(h -> h.connectTimeout(Duration.ofSeconds(-1)))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.http(h -> h.maxWebhookBytes(0))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aConfigWithoutNumbersSaysHowToAddOne() {
    assertThatThrownBy(() -> WhatsAppConfig.builder().build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(".number(accountId");
  }

  @Test
  void aTrailingSlashOnTheBaseUrlIsDropped() {
    assertThat(WhatsAppConfig.builder().number(WhatsAppFixtures.WA, WhatsAppFixtures.NUMBER)
        .graphBaseUrl("http://127.0.0.1:9/").build().graphBaseUrl()).hasToString("http://127.0.0.1:9");
  }
}
