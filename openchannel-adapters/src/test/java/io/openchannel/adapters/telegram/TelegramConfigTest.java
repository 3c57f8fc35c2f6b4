package io.openchannel.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramConfigTest {
  private static final AccountId TG = AccountId.of("tg");

  @Test
  void defaultsPointAtTelegramsPublicApi() {
    TelegramConfig config = TelegramConfig.builder().bot(TG, "1:a", "s").build();

    assertThat(config.apiBaseUrl()).hasToString("https://api.telegram.org");
    assertThat(config.http().maxWebhookBytes()).isEqualTo(1024 * 1024);
    assertThat(config.http().client()).isEmpty();
    assertThat(config.bot(TG)).isPresent();
    assertThat(config.bot(AccountId.of("x"))).isEmpty();
  }

  @Test
  void aTrailingSlashOnTheBaseUrlIsDropped() {
    assertThat(TelegramConfig.builder().apiBaseUrl("http://127.0.0.1:8081/").build().apiBaseUrl())
        .hasToString("http://127.0.0.1:8081");
  }

  @Test
  void malformedSettingsAreRefusedWithTheRule() {
    var b = TelegramConfig.builder();
    assertThatThrownBy(() -> b.bot(TG, "not a token", "s")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("BotFather");
    assertThatThrownBy(() -> b.bot(TG, "1:a", "has space")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("A-Z, a-z, 0-9");
    assertThatThrownBy(() -> b.bot(TG, "1:a", "x".repeat(257))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.apiBaseUrl("ftp://x")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.http(h -> h.requestTimeout(Duration.ZERO))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.http(h -> h.maxWebhookBytes(0))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anAccountGetsOneBot() {
    var b = TelegramConfig.builder().bot(TG, "1:a", "s");

    assertThatThrownBy(() -> b.bot(TG, "2:b", "t")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aBotNeverPrintsItsSecrets() {
    TelegramBot bot = new TelegramBot("123:SECRET-token", "webhook_secret");

    assertThat(bot.toString()).contains("123").doesNotContain("SECRET-token").doesNotContain("webhook_secret");
  }
}
