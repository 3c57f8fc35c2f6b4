package io.openchannel.routing;

import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Engine-wide routing settings; queues carry their own (strategy, offer timeout, max wait).
 * Immutable; start from {@link #defaults()} and change it with the withers.
 *
 * @param offlineAssignments what happens to an agent's interactions when they go offline
 * @param autoPauseAfterMissedOffers pause an agent after this many offers in a row timed out
 *     (0: never)
 * @param rejectBackoff when every eligible agent rejected an interaction (or let it time out), how
 *     long it waits before it is offered again, those agents last
 * @param randomSeed the seed of {@link RoutingStrategy#RANDOM}; empty for an unpredictable one
 */
public record RoutingOptions(
    OfflineAssignments offlineAssignments,
    int autoPauseAfterMissedOffers,
    Duration rejectBackoff,
    OptionalLong randomSeed,
    Optional<Duration> rerouteUnanswered) {

  /** The default back-off before rejected work is offered again: 30 seconds. */
  public static final Duration DEFAULT_REJECT_BACKOFF = Duration.ofSeconds(30);

  /** Validates the options. */
  public RoutingOptions {
    Checks.notNull(offlineAssignments, "offlineAssignments");
    Checks.notNegative(autoPauseAfterMissedOffers, "autoPauseAfterMissedOffers");
    Checks.notNull(rejectBackoff, "rejectBackoff");
    Checks.check(!rejectBackoff.isNegative() && !rejectBackoff.isZero(),
        "rejectBackoff must be positive, got " + rejectBackoff);
    Checks.notNull(randomSeed, "randomSeed");
    Checks.notNull(rerouteUnanswered, "rerouteUnanswered");
    rerouteUnanswered.ifPresent(d -> Checks.check(!d.isNegative() && !d.isZero(),
        "rerouteUnanswered must be positive, got " + d));
  }

  /** KEEP on offline, no auto-pause, a 30 s reject back-off, an unseeded RANDOM, no re-routing. */
  public static RoutingOptions defaults() {
    return new RoutingOptions(OfflineAssignments.KEEP, 0, DEFAULT_REJECT_BACKOFF,
        OptionalLong.empty(), Optional.empty());
  }

  /** What happens to an agent's interactions when they go offline. */
  public RoutingOptions withOfflineAssignments(OfflineAssignments value) {
    return new RoutingOptions(value, autoPauseAfterMissedOffers, rejectBackoff, randomSeed,
        rerouteUnanswered);
  }

  /** Pause an agent after this many offers in a row timed out (0: never). */
  public RoutingOptions withAutoPauseAfterMissedOffers(int value) {
    return new RoutingOptions(offlineAssignments, value, rejectBackoff, randomSeed,
        rerouteUnanswered);
  }

  /** How long work every eligible agent declined waits before it is offered again. */
  public RoutingOptions withRejectBackoff(Duration value) {
    return new RoutingOptions(offlineAssignments, autoPauseAfterMissedOffers, value, randomSeed,
        rerouteUnanswered);
  }

  /** A fixed seed for the RANDOM strategy (tests, demos). */
  public RoutingOptions withRandomSeed(long seed) {
    return new RoutingOptions(offlineAssignments, autoPauseAfterMissedOffers, rejectBackoff,
        OptionalLong.of(seed), rerouteUnanswered);
  }

  /**
   * Re-route an interaction whose agent has not answered the customer within {@code after} of
   * getting it: it goes back to its queue (cause {@code UNANSWERED}) and is offered to the
   * others first. Answering means sending the customer a message; a note does not count. Only
   * interactions of an account with a queue are re-routed. Off by default.
   */
  public RoutingOptions withRerouteUnanswered(Duration after) {
    return new RoutingOptions(offlineAssignments, autoPauseAfterMissedOffers, rejectBackoff,
        randomSeed, Optional.of(Checks.notNull(after, "after")));
  }
}
