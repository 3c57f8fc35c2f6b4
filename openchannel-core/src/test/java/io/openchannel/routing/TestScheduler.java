package io.openchannel.routing;

import io.openchannel.spi.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock that stands still and a scheduler that runs tasks only when the test moves time with
 * {@link #advance}: due tasks run on the caller's thread, in due order (ties: scheduling order),
 * with the clock set to each task's due time. Thread-safe.
 */
final class TestScheduler extends Clock implements Scheduler {
  private Instant now;
  private long seq;
  private final List<Task> tasks = new ArrayList<>();

  TestScheduler(Instant start) {
    this.now = start;
  }

  private final class Task implements Cancellable {
    final Instant due;
    final long order;
    final Runnable run;
    boolean cancelled;
    boolean ran;

    Task(Instant due, long order, Runnable run) {
      this.due = due;
      this.order = order;
      this.run = run;
    }

    @Override
    public boolean cancel() {
      synchronized (TestScheduler.this) {
        if (cancelled || ran) {
          return false;
        }
        cancelled = true;
        tasks.remove(this);
        return true;
      }
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
    tasks.add(t);
    return t;
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way. */
  void advance(Duration d) {
    Instant target;
    synchronized (this) {
      target = now.plus(d);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> !t.due.isAfter(target))
            .min(Comparator.<Task, Instant>comparing(t -> t.due).thenComparingLong(t -> t.order))
            .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        next.ran = true;
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.run.run();
    }
  }

  /** How many tasks wait to run. */
  synchronized int pending() {
    return tasks.size();
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
