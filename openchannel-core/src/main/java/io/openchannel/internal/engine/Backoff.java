package io.openchannel.internal.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before retrying a transient send failure: exponential from {@code base},
 * capped, with "equal jitter" (half fixed, half random) so that many messages failing together
 * do not retry together; never sooner than the platform's {@code retry_after}.
 */
record Backoff(Duration base, Duration cap, int maxAttempts) {
  static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);

  /**
   * @param attempt the attempt that just failed, from 1
   * @param random a number in [0, 1)
   */
  Duration delay(int attempt, Optional<Duration> retryAfter, double random) {
    long capMillis = cap.toMillis();
    long exp = base.toMillis() << Math.min(attempt - 1, 30);
    long ceiling = Math.min(capMillis, exp > 0 ? exp : capMillis);
    long jittered = ceiling / 2 + (long) (random * (ceiling / 2.0));
    long floor = retryAfter.map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
