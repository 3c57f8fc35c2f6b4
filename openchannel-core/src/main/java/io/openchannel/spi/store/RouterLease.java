package io.openchannel.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who may route: the one engine that holds the router lease. Every acquisition by a new holder
 * (or after a lapse) raises {@code epoch}, the fencing token the holder's ledger writes carry.
 *
 * @param node the holder's node id
 * @param epoch the fencing token of this holding; 0 before anyone ever held it
 * @param expiresAt when the lease lapses unless renewed
 * @param changes how many times {@link RoutingLedger#signalChange} was called: a holder that sees
 *     it move re-reads the routing state
 */
public record RouterLease(String node, long epoch, Instant expiresAt, long changes) {
  /** Validates the lease. */
  public RouterLease {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
