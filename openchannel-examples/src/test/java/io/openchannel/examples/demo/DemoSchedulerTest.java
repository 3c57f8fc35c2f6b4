package io.openchannel.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSchedulerTest {
  private static final Instant START = Instant.parse("2025-06-02T09:00:00Z");

  private final DemoClock clock = new DemoClock(START);
  private final DemoScheduler scheduler = new DemoScheduler(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsNothingUntilTheClockMoves() {
    scheduler.schedule(Duration.ZERO, () -> ran.add("now"));

    assertThat(ran).isEmpty();
    clock.settle();
    assertThat(ran).containsExactly("now");
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void runsDueTasksInTimeOrderEachAtItsOwnTime() {
    scheduler.schedule(Duration.ofSeconds(20), () -> ran.add("b at " + clock.instant()));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("a at " + clock.instant()));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("a2 at " + clock.instant()));
    scheduler.schedule(Duration.ofSeconds(90), () -> ran.add("later"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(ran).containsExactly("a at 2025-06-02T09:00:10Z", "a2 at 2025-06-02T09:00:10Z",
        "b at 2025-06-02T09:00:20Z");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void runsTasksThatTasksScheduleWhenTheyFallDueInTheSameStep() {
    scheduler.schedule(Duration.ofSeconds(1),
        () -> scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("retry")));

    clock.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("retry");
  }

  @Test
  void cancelledTasksNeverRun() {
    Scheduler.Cancellable task = scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("x"));

    assertThat(task.cancel()).isTrue();
    clock.advance(Duration.ofSeconds(5));

    assertThat(ran).isEmpty();
    assertThat(task.cancel()).isFalse();
  }

  @Test
  void twoEnginesSchedulersOnOneClockRunInTimeOrderTheFirstEnginesFirstOnATie() {
    DemoScheduler second = new DemoScheduler(clock);
    second.schedule(Duration.ofSeconds(5), () -> ran.add("second at 5"));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("first at 10"));
    second.schedule(Duration.ofSeconds(10), () -> ran.add("second at 10"));
    scheduler.schedule(Duration.ofSeconds(5), () -> {
      ran.add("first at 5");
      second.schedule(Duration.ofSeconds(1), () -> ran.add("second at 6, scheduled by first"));
    });

    clock.advance(Duration.ofSeconds(30));

    assertThat(ran).containsExactly("first at 5", "second at 5",
        "second at 6, scheduled by first", "first at 10", "second at 10");
  }

  @Test
  void aHaltedSchedulerNeverRunsAgainAndTakesNoNewTasks() {
    DemoScheduler second = new DemoScheduler(clock);
    second.schedule(Duration.ofSeconds(5), () -> ran.add("halted"));
    scheduler.schedule(Duration.ofSeconds(5), () -> ran.add("alive"));

    second.halt();
    assertThat(second.schedule(Duration.ZERO, () -> ran.add("after halt")).cancel()).isFalse();
    clock.advance(Duration.ofSeconds(30));

    assertThat(ran).containsExactly("alive");
  }
}
