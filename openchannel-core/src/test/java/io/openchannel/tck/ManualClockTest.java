package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void standsStillUntilMovedAndIsInUtc() {
    ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.millis()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void advanceMovesForwardAndReturnsTheNewTime() {
    ManualClock clock = new ManualClock();

    Instant now = clock.advance(Duration.ofMinutes(90));

    assertThat(now).isEqualTo(ManualClock.DEFAULT_START.plus(Duration.ofMinutes(90)));
    assertThat(clock.instant()).isEqualTo(now);
  }

  @Test
  void advanceRefusesANegativeAmountAndSetMayGoBack() {
    ManualClock clock = new ManualClock();

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    clock.set(Instant.EPOCH);

    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void aViewInAnotherZoneSharesTheTime() {
    ManualClock clock = new ManualClock();
    ManualClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofHours(1));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(clock.instant());
  }

  @Test
  void concurrentAdvancesAreAllCounted() throws Exception {
    ManualClock clock = new ManualClock(Instant.EPOCH);
    CountDownLatch go = new CountDownLatch(1);
    List<Background<Void>> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(Background.start(() -> {
        go.await();
        for (int i = 0; i < 1_000; i++) {
          clock.advance(Duration.ofMillis(1));
        }
        return null;
      }));
    }

    go.countDown();
    for (Background<Void> thread : threads) {
      thread.join();
    }

    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusMillis(8_000));
  }
}
