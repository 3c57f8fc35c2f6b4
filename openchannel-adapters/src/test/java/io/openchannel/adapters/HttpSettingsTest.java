package io.openchannel.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.adapters.facebook.FacebookConfig;
import io.openchannel.adapters.teams.TeamsConfig;
import io.openchannel.adapters.telegram.TelegramConfig;
import io.openchannel.adapters.twitter.XConfig;
import io.openchannel.adapters.webhook.GenericWebhookConfig;
import io.openchannel.adapters.whatsapp.WhatsAppConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
  private static final HttpSettings BASE =
      HttpSettings.of(Duration.ofSeconds(10), Duration.ofSeconds(30), 1024);

  @Test
  void settingsMadeWithOfHaveNoClientOfTheHosts() {
    assertThat(BASE.client()).isEmpty();
    assertThat(BASE.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(BASE.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(BASE.maxWebhookBytes()).isEqualTo(1024);
  }

  @Test
  void withChangesWhatItSetsAndKeepsTheRest() {
    HttpClient client = HttpClient.newHttpClient();

    HttpSettings changed = BASE.with(h -> h.client(client).requestTimeout(Duration.ofSeconds(5)));

    assertThat(changed.client()).containsSame(client);
    assertThat(changed.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(changed.connectTimeout()).isEqualTo(BASE.connectTimeout());
    assertThat(changed.maxWebhookBytes()).isEqualTo(BASE.maxWebhookBytes());
    assertThat(BASE.client()).isEmpty();
  }

  @Test
  void equalSettingsAreEqual() {
    assertThat(BASE.with(h -> { })).isEqualTo(BASE).hasSameHashCodeAs(BASE);
    assertThat(BASE.with(h -> h.maxWebhookBytes(2048))).isNotEqualTo(BASE);
  }

  @Test
  void badValuesAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> BASE.with(h -> h.connectTimeout(Duration.ZERO)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> BASE.with(h -> h.requestTimeout(Duration.ofSeconds(-1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> HttpSettings.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxWebhookBytes");
  }

  @Test
  void eachConnectorKeepsItsOwnDefaults() {
    assertThat(TelegramConfig.DEFAULT_HTTP).isEqualTo(settings(10, 60, 1024 * 1024));
    assertThat(XConfig.DEFAULT_HTTP).isEqualTo(settings(10, 30, 1024 * 1024));
    assertThat(TeamsConfig.DEFAULT_HTTP).isEqualTo(settings(10, 30, 1024 * 1024));
    assertThat(WhatsAppConfig.DEFAULT_HTTP).isEqualTo(settings(10, 60, 3 * 1024 * 1024));
    assertThat(FacebookConfig.DEFAULT_HTTP).isEqualTo(settings(10, 60, 1024 * 1024));
    assertThat(GenericWebhookConfig.DEFAULT_HTTP).isEqualTo(settings(5, 10, 1024 * 1024));
  }

  @Test
  void aConfigBuilderChangesItsConnectorsDefaults() {
    HttpClient client = HttpClient.newHttpClient();

    HttpSettings http = TelegramConfig.builder().http(h -> h.client(client)).build().http();

    assertThat(http).isEqualTo(TelegramConfig.DEFAULT_HTTP.with(h -> h.client(client)));
    assertThat(TelegramConfig.builder().http(BASE).build().http()).isSameAs(BASE);
  }

  private static HttpSettings settings(int connectSeconds, int requestSeconds, int bytes) {
    return HttpSettings.of(Duration.ofSeconds(connectSeconds), Duration.ofSeconds(requestSeconds), bytes);
  }
}
