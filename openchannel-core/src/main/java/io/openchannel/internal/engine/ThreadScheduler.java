package io.openchannel.internal.engine;

import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} on one daemon thread. */
public final class ThreadScheduler implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger(ThreadScheduler.class);

  /** How long {@link #shutdown} lets a running task finish before interrupting it. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private volatile Thread thread;
  private volatile boolean stopped;
  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "openchannel-scheduler");
    t.setDaemon(true);
    thread = t;
    return t;
  });

  public ThreadScheduler() {
    // Most offer timers are cancelled (the offer was answered): drop them at once, not when due.
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Stops the thread. Tasks not yet run are dropped (the outbox keeps their messages); a task that
   * is running may finish, for up to {@link #STOP_GRACE}, because interrupting a send or a JDBC
   * call half-way can leave a pooled connection broken. Only then is it interrupted.
   */
  public void shutdown() {
    executor.shutdown();
    executor.getQueue().clear(); // shutdown() alone would still run the tasks already due
    stopped = true;
    if (Thread.currentThread() == thread) {
      return; // called from a task: it is the running task, and it is finishing
    }
    try {
      if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("a scheduled task still ran {} after close; interrupting it", STOP_GRACE);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #shutdown} has dropped the waiting tasks. */
  boolean isShutdown() {
    return stopped;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return () -> false;
    }
    ScheduledFuture<?> f;
    try {
      f = executor.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("scheduled task failed", e);
        }
      }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return () -> false; // shut down since the check above: like a task dropped at shutdown
    }
    return () -> f.cancel(false);
  }
}
