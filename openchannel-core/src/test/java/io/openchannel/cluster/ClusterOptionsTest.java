package io.openchannel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.OpenChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
  @Test
  void defaultsSuitALoneEngineAndSharedAddsASweep() {
    ClusterOptions lone = ClusterOptions.defaults();

    assertThat(lone.outboxSweep()).isEmpty();
    assertThat(lone.outboxLease()).isEqualTo(ClusterOptions.DEFAULT_OUTBOX_LEASE);
    assertThat(lone.nodeId()).isNotEqualTo(ClusterOptions.defaults().nodeId());
    assertThat(ClusterOptions.shared().outboxSweep()).contains(ClusterOptions.SHARED_OUTBOX_SWEEP);
  }

  @Test
  void badValuesAreRefusedSayingWhich() {
    assertThatThrownBy(() -> ClusterOptions.defaults().withOutboxLease(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboxLease");
    assertThatThrownBy(() -> ClusterOptions.defaults().withOutboxSweep(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboxSweep");
    assertThatThrownBy(() -> ClusterOptions.defaults().withEventPoll(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("eventPoll");
    assertThatThrownBy(() -> ClusterOptions.defaults().withNodeId(" "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nodeId");
  }

  @Test
  void theBuilderTakesThemOnce() {
    var builder = OpenChannel.builder().cluster(ClusterOptions.shared());

    assertThatThrownBy(() -> builder.cluster(ClusterOptions.defaults()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cluster");
  }
}
