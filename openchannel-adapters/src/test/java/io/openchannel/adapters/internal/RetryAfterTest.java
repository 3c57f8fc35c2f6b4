package io.openchannel.adapters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse(Optional.of(" 120 "), CLOCK))
        .contains(Duration.ofMinutes(2));
  }

  @Test
  void readsAnHttpDateRelativeToTheClock() {
    // NOW is 2026-03-01T10:15:30Z, a Sunday
    assertThat(RetryAfter.parse(Optional.of("Sun, 01 Mar 2026 10:16:00 GMT"), CLOCK))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse(Optional.of("Sat, 28 Feb 2026 10:00:00 GMT"), CLOCK))
        .contains(Duration.ZERO);
  }

  @Test
  void garbageOrAbsenceMeansNoAdvice() {
    assertThat(RetryAfter.parse(Optional.of("soon"), CLOCK)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("99999999999999999999999"), CLOCK)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), CLOCK)).isEmpty();
  }
}
