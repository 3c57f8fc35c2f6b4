package io.openchannel.internal.engine;

import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} on one daemon thread. */
public final class ThreadScheduler implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger(ThreadScheduler.class);

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "openchannel-scheduler");
    t.setDaemon(true);
    return t;
  });

  public ThreadScheduler() {
    // Most offer timers are cancelled (the offer was answered): drop them at once, not when due.
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Stops the thread; tasks not yet run are dropped (the outbox keeps their messages). */
  public void shutdown() {
    executor.shutdownNow();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return () -> false;
    }
    ScheduledFuture<?> f = executor.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("scheduled task failed", e);
      }
    }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }
}
