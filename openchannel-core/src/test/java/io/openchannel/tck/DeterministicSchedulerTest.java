package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.spi.time.Scheduler.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicSchedulerTest {
  private final ManualClock clock = new ManualClock();
  private final DeterministicScheduler scheduler = new DeterministicScheduler(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void nothingRunsUntilTheTestSaysSo() {
    scheduler.schedule(Duration.ZERO, () -> ran.add("now"));

    assertThat(ran).isEmpty();
    assertThat(scheduler.pending()).isEqualTo(1);
  }

  @Test
  void runDueRunsOnlyTasksDueAtTheClocksTime() {
    scheduler.schedule(Duration.ZERO, () -> ran.add("now"));
    scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("later"));

    int count = scheduler.runDue();

    assertThat(count).isEqualTo(1);
    assertThat(ran).containsExactly("now");
    assertThat(scheduler.nextDue()).contains(clock.instant().plusSeconds(1));
  }

  @Test
  void advanceRunsTasksInDueOrderAndEqualTimesInScheduleOrder() {
    scheduler.schedule(Duration.ofSeconds(30), () -> ran.add("30s"));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("10s first"));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("10s second"));
    scheduler.schedule(Duration.ofSeconds(61), () -> ran.add("61s"));

    int count = scheduler.advance(Duration.ofMinutes(1));

    assertThat(count).isEqualTo(3);
    assertThat(ran).containsExactly("10s first", "10s second", "30s");
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(60));
  }

  @Test
  void eachTaskSeesTheClockAtItsOwnDueTime() {
    List<Instant> seen = new ArrayList<>();
    scheduler.schedule(Duration.ofSeconds(5), () -> seen.add(clock.instant()));
    scheduler.schedule(Duration.ofSeconds(20), () -> seen.add(clock.instant()));

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(seen).containsExactly(
        ManualClock.DEFAULT_START.plusSeconds(5), ManualClock.DEFAULT_START.plusSeconds(20));
  }

  @Test
  void tasksScheduledByTasksRunInTheSameAdvanceIfTheyFallDue() {
    scheduler.schedule(Duration.ofSeconds(10), () -> {
      ran.add("first");
      scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("second"));
      scheduler.schedule(Duration.ofMinutes(10), () -> ran.add("much later"));
    });

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(ran).containsExactly("first", "second");
    assertThat(scheduler.pending()).isEqualTo(1);
  }

  @Test
  void aCancelledTaskNeverRunsAndCancelSaysWhetherItCancelled() {
    Cancellable cancelled = scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled"));
    Cancellable kept = scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("kept"));

    assertThat(cancelled.cancel()).isTrue();
    assertThat(cancelled.cancel()).isFalse();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(ran).containsExactly("kept");
    assertThat(kept.cancel()).isFalse();
  }

  @Test
  void aNegativeDelayIsDueNow() {
    scheduler.schedule(Duration.ofSeconds(-5), () -> ran.add("overdue"));

    scheduler.runDue();

    assertThat(ran).containsExactly("overdue");
  }

  @Test
  void aTaskThatThrowsReachesTheTestAndLaterTasksStayScheduled() {
    IllegalStateException boom = new IllegalStateException("boom");
    scheduler.schedule(Duration.ofSeconds(1), () -> {
      throw boom;
    });
    scheduler.schedule(Duration.ofSeconds(2), () -> ran.add("later"));

    assertThatThrownBy(() -> scheduler.advance(Duration.ofSeconds(5))).isSameAs(boom);

    assertThat(ran).isEmpty();
    assertThat(scheduler.pending()).isEqualTo(1);
  }
}
