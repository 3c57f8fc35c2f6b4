package io.openchannel.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoClockTest {
  private static final Instant START = Instant.parse("2025-06-02T09:00:00Z");

  @Test
  void standsStillUntilAdvanced() {
    DemoClock clock = new DemoClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
  }

  @Test
  void neverGoesBack() {
    DemoClock clock = new DemoClock(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
