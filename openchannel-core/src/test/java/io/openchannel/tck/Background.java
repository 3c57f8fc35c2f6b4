package io.openchannel.tck;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Work on a thread of its own, whose result or failure the test collects. */
final class Background<T> {
  private final Thread thread;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile T result;
  private volatile Throwable failure;

  private Background(Callable<T> body) {
    this.thread = new Thread(() -> {
      started.countDown();
      try {
        result = body.call();
      } catch (Throwable e) {
        failure = e;
      } finally {
        finished.countDown();
      }
    }, "store-contract-background");
    thread.setDaemon(true);
  }

  static <T> Background<T> start(Callable<T> body) {
    Background<T> background = new Background<>(body);
    background.thread.start();
    return background;
  }

  /**
   * Waits until the work has begun and then either finished or parked (waiting for a lock the
   * caller may hold). Spins instead of sleeping; the test's timeout ends a spin that never ends.
   */
  void awaitStartedThenFinishedOrParked() {
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    while (finished.getCount() > 0) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
          || state == Thread.State.BLOCKED) {
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("interrupted while waiting for " + thread);
      }
      Thread.onSpinWait();
    }
  }

  /** Waits for the work to end; returns its result or fails with its exception. */
  T join() throws InterruptedException {
    thread.join();
    if (failure != null) {
      throw new AssertionError("the work on another thread failed: " + failure, failure);
    }
    return result;
  }
}
