package io.openchannel.spi.time;

import io.openchannel.internal.engine.ThreadScheduler;
import java.time.Duration;

/**
 * Runs engine work later: offer timeouts, retries, overflow. Injected so that tests drive time
 * with a manual clock instead of sleeping. Implementations are thread-safe; tasks must not throw
 * (the engine catches and logs its own failures).
 */
public interface Scheduler {
  /** Runs {@code task} once after {@code delay}; returns a handle that can cancel it. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that has not necessarily run. */
  interface Cancellable {
    /** Cancels the task if it has not run; returns whether it was cancelled by this call. */
    boolean cancel();
  }

  /** The default: one daemon thread, for production use. */
  static Scheduler daemonThread() {
    return new ThreadScheduler();
  }
}
