package io.openchannel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThreadSchedulerTest {
  @Test
  void aRunningTaskFinishesUninterruptedAndLaterTasksAreDropped() throws Exception {
    ThreadScheduler scheduler = new ThreadScheduler();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean laterRan = new AtomicBoolean();
    scheduler.schedule(Duration.ZERO, () -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.set(true);
        return;
      }
      finished.set(true);
    });
    scheduler.schedule(Duration.ofMillis(1), () -> laterRan.set(true));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closer = new Thread(scheduler::shutdown);
    closer.start();
    while (!scheduler.isShutdown()) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(closer.isAlive()).isFalse();
    assertThat(interrupted).isFalse();
    assertThat(finished).isTrue();
    assertThat(laterRan).isFalse();
    assertThat(scheduler.schedule(Duration.ZERO, () -> laterRan.set(true)).cancel()).isFalse();
  }

  @Test
  void aTaskMayCloseItsOwnScheduler() throws Exception {
    ThreadScheduler scheduler = new ThreadScheduler();
    CountDownLatch done = new CountDownLatch(1);
    scheduler.schedule(Duration.ZERO, () -> {
      scheduler.shutdown(); // must not wait for itself
      done.countDown();
    });

    assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.isShutdown()).isTrue();
  }
}
