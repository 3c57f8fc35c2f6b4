package io.openchannel.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that stands still until the demo moves it forward, so every run prints the same times.
 * Give it to {@code OpenChannel.builder().clock(...)}, and a {@link DemoScheduler} on it to
 * {@code .scheduler(...)}: the engine's timed work then runs when the demo moves the clock, on the
 * demo's thread. Tests of a host would do the same.
 */
final class DemoClock extends Clock {
  private volatile Instant now;
  /** One per engine on this clock (two when the demo runs two engines), in the order made. */
  private final List<DemoScheduler> schedulers = new CopyOnWriteArrayList<>();

  DemoClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock forward by {@code step}, running the schedulers' tasks as their due times
   * pass, each with the clock at its own due time: the earliest first whichever engine's it is,
   * and at the same time the first engine's before the second's.
   */
  void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, got " + step);
    }
    Instant target = now.plus(step);
    for (DemoScheduler next = earliest(target); next != null; next = earliest(target)) {
      next.runFirst(target);
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

  /** The scheduler whose next task is due first, at or before {@code limit}; null if none. */
  private DemoScheduler earliest(Instant limit) {
    DemoScheduler first = null;
    Instant firstDue = null;
    for (DemoScheduler s : schedulers) {
      Instant due = s.nextDue();
      if (due != null && !due.isAfter(limit) && (firstDue == null || due.isBefore(firstDue))) {
        first = s;
        firstDue = due;
      }
    }
    return first;
  }

  /** Called by each scheduler built on this clock. */
  void drives(DemoScheduler scheduler) {
    schedulers.add(scheduler);
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
