package io.openchannel.examples.demo;

import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The engine's timers on the {@link DemoClock}: a task runs when the demo moves the clock to or
 * past its due time, on the demo's own thread, so what the engine does later (the outbox
 * dispatcher sending queued messages, retries after a failure) prints at the same place in every
 * run. Tasks run in due-time order, then in the order they were scheduled; tasks that running
 * tasks schedule run in the same step if they fall due within it. A task that throws stops the
 * step and reaches the demo, which wants to know.
 */
final class DemoScheduler implements Scheduler {
  private final DemoClock clock;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>(
      Comparator.comparing(Task::due).thenComparingLong(Task::sequence));
  private long sequence;
  private boolean halted;

  DemoScheduler(DemoClock clock) {
    this.clock = clock;
    clock.drives(this);
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    if (halted) {
      return () -> false;
    }
    Task scheduled = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay),
        sequence++, task);
    tasks.add(scheduled);
    return () -> cancel(scheduled);
  }

  /** When the first task is due; null when none is waiting (or the engine was stopped). */
  synchronized Instant nextDue() {
    Task next = tasks.peek();
    return next == null ? null : next.due();
  }

  /** Runs the first task if it is due at or before {@code limit}, moving the clock to its time. */
  void runFirst(Instant limit) {
    Task next = takeDue(limit);
    if (next != null) {
      clock.moveTo(next.due());
      next.action().run(); // outside the lock: the task may schedule or cancel tasks
    }
  }

  /**
   * Stops this engine's timers for good, as if its process were killed: what is waiting never
   * runs and what is scheduled later is dropped.
   */
  synchronized void halt() {
    halted = true;
    tasks.clear();
  }

  private synchronized Task takeDue(Instant limit) {
    Task next = tasks.peek();
    if (next == null || next.due().isAfter(limit)) {
      return null;
    }
    return tasks.poll();
  }

  private synchronized boolean cancel(Task task) {
    return tasks.remove(task);
  }

  private record Task(Instant due, long sequence, Runnable action) {}
}
