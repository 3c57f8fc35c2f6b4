package io.openchannel.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the demo moves it forward, so every run prints the same times.
 * Give it to {@code OpenChannel.builder().clock(...)}; tests of a host would do the same.
 * Thread-safe.
 */
final class DemoClock extends Clock {
  private volatile Instant now;

  DemoClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward by {@code step}. */
  void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, got " + step);
    }
    now = now.plus(step);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The demo clock runs in UTC only, as the times it prints do. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!zone.normalized().equals(ZoneOffset.UTC)) {
      throw new UnsupportedOperationException("the demo clock runs in UTC only, not " + zone);
    }
    return this;
  }
}
