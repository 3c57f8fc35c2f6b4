package io.openchannel.internal.routing;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.OfferId;
import io.openchannel.spi.time.Scheduler;
import java.time.Duration;

/**
 * Schedules the router's timers. The engine implements it on its {@link Scheduler}; each timer
 * calls back into the router under its lock, where a stale timer (the offer ended, the
 * interaction moved on) does nothing.
 */
public interface RouterTimers {
  Scheduler.Cancellable offerTimeout(OfferId offer, Duration after);

  Scheduler.Cancellable maxWait(InteractionId interaction, long generation, Duration after);

  Scheduler.Cancellable backoff(InteractionId interaction, long token, Duration after);

  Scheduler.Cancellable unanswered(InteractionId interaction, long token, Duration after);
}
