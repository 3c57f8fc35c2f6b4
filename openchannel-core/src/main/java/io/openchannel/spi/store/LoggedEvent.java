package io.openchannel.spi.store;

import io.openchannel.event.OpenChannelEvent;
import io.openchannel.internal.util.Checks;

/**
 * An event as the {@link EventLog} keeps it.
 *
 * @param seq its place in the log: every later commit has a higher one
 * @param origin the node id of the engine whose change it reports
 * @param event the event
 */
public record LoggedEvent(long seq, String origin, OpenChannelEvent event) {
  /** Validates the entry. */
  public LoggedEvent {
    Checks.check(seq > 0, "seq must be positive, got " + seq);
    Checks.text(origin, "origin", false);
    Checks.notNull(event, "event");
  }
}
