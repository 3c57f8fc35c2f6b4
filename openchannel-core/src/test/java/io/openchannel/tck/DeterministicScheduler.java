package io.openchannel.tck;

import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} for tests: tasks run only when the test says so, on the test's thread, at
 * the time of a {@link ManualClock}.
 *
 * <p>A task scheduled with delay {@code d} at clock time {@code t} is due at {@code t + d}
 * (negative delays count as zero). {@link #runDue()} runs every task due at the clock's current
 * time; {@link #advance(Duration)} moves the clock forward, stopping at each task's due time to
 * run it, so a task always sees the clock at its own due time. Tasks run in due-time order; tasks
 * due at the same instant run in the order they were scheduled. Tasks that the running tasks
 * schedule run in the same call if they fall due within it. A task that throws stops the call and
 * the exception reaches the test (the real scheduler would only log it; a test wants to know).
 *
 * <p>Thread-safe: any thread may schedule or cancel; tasks run on the thread that calls
 * {@code runDue} or {@code advance}.
 */
public final class DeterministicScheduler implements Scheduler {
  private final ManualClock clock;
  private final PriorityQueue<Task> queue = new PriorityQueue<>(
      Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.sequence));
  private long nextSequence;

  /** A scheduler on a new {@link ManualClock} at {@link ManualClock#DEFAULT_START}. */
  public DeterministicScheduler() {
    this(new ManualClock());
  }

  /** A scheduler that reads and moves {@code clock}. */
  public DeterministicScheduler(ManualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock this scheduler reads and moves. */
  public ManualClock clock() {
    return clock;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(task, "task");
    Duration wait = delay.isNegative() ? Duration.ZERO : delay;
    Task scheduled = new Task(clock.instant().plus(wait), nextSequence++, task);
    queue.add(scheduled);
    return () -> cancel(scheduled);
  }

  /** Runs every task due at the clock's current time; returns how many ran. */
  public int runDue() {
    return runUntil(clock.instant());
  }

  /**
   * Moves the clock forward by {@code amount}, running each task when the clock reaches its due
   * time; returns how many ran. The clock ends at the old time plus {@code amount}.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public int advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot advance by a negative amount " + amount);
    }
    Instant target = clock.instant().plus(amount);
    int ran = runUntil(target);
    clock.set(target);
    return ran;
  }

  /** How many tasks are scheduled and neither run nor cancelled. */
  public synchronized int pending() {
    return queue.size();
  }

  /** When the next task is due, if any is scheduled. */
  public synchronized Optional<Instant> nextDue() {
    return Optional.ofNullable(queue.peek()).map(t -> t.due);
  }

  private int runUntil(Instant limit) {
    int ran = 0;
    for (Task next = takeDue(limit); next != null; next = takeDue(limit)) {
      next.action.run(); // outside the lock: the task may schedule or cancel
      ran++;
    }
    return ran;
  }

  private synchronized Task takeDue(Instant limit) {
    Task next = queue.peek();
    if (next == null || next.due.isAfter(limit)) {
      return null;
    }
    queue.poll();
    if (next.due.isAfter(clock.instant())) {
      clock.set(next.due);
    }
    return next;
  }

  private synchronized boolean cancel(Task task) {
    return queue.remove(task);
  }

  private static final class Task {
    final Instant due;
    final long sequence;
    final Runnable action;

    Task(Instant due, long sequence, Runnable action) {
      this.due = due;
      this.sequence = sequence;
      this.action = action;
    }
  }
}
