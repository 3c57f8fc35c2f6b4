package io.openchannel.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the demo moves it forward, so every run prints the same times.
 * Give it to {@code OpenChannel.builder().clock(...)}, and a {@link DemoScheduler} on it to
 * {@code .scheduler(...)}: the engine's timed work then runs when the demo moves the clock, on the
 * demo's thread. Tests of a host would do the same.
 */
final class DemoClock extends Clock {
  private volatile Instant now;
  private volatile DemoScheduler scheduler;

  DemoClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock forward by {@code step}, running the scheduler's tasks as their due times
   * pass, each with the clock at its own due time.
   */
  void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, got " + step);
    }
    Instant target = now.plus(step);
    if (scheduler != null) {
      scheduler.runUntil(target);
    }
    now = target;
  }

  /**
   * Runs the scheduler's tasks that are due now, without moving the clock: the engine's
   * "as soon as possible" work, such as the outbox dispatcher sending what was just queued.
   */
  void settle() {
    advance(Duration.ZERO);
  }

  /** Called once by the scheduler built on this clock. */
  void drives(DemoScheduler scheduler) {
    if (this.scheduler != null) {
      throw new IllegalStateException("this clock already drives a scheduler");
    }
    this.scheduler = scheduler;
  }

  /** Moves the clock to a task's due time; never back. */
  void moveTo(Instant at) {
    if (at.isAfter(now)) {
      now = at;
    }
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
