package io.openchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.ChannelType;
import io.openchannel.message.CannedAnswer;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.WebhookResult;
import io.openchannel.spi.store.Store;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenChannelBuilderTest {
  @Test
  void anEngineBuildsWithNoSettingsAtAll() {
    try (OpenChannel oc = OpenChannel.builder().build()) {
      assertThat(oc.accounts().list()).isEmpty();
      assertThat(oc.dispositions().isEmpty()).isTrue();
    }
  }

  @Test
  void singleSettingsMayBeSetOnce() {
    OpenChannelBuilder b = OpenChannel.builder().store(Store.inMemory());

    assertThatThrownBy(() -> b.store(Store.inMemory()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("store is already set");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("clock");
  }

  @Test
  void oneConnectorPerChannelType() {
    ChannelConnector telegram = new ChannelConnector() {
      @Override
      public ChannelType type() {
        return ChannelType.TELEGRAM;
      }

      @Override
      public WebhookResult handle(io.openchannel.spi.channel.WebhookRequest r, io.openchannel.account.Account a) {
        return WebhookResult.of(List.of());
      }
    };
    OpenChannelBuilder b = OpenChannel.builder().connector(telegram);

    assertThatThrownBy(() -> b.connector(telegram))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("TELEGRAM");
  }

  @Test
  void cannedAnswerIdsAreUnique() {
    assertThatThrownBy(() -> OpenChannel.builder().cannedAnswers(CannedAnswer.of("a", "A", "x"),
        CannedAnswer.of("a", "B", "y"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("used twice");
  }
}
