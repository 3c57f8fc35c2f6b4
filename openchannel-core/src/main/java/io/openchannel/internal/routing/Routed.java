package io.openchannel.internal.routing;

import java.time.Instant;
import io.openchannel.routing.RoutingState;
import io.openchannel.spi.time.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The router's view of one open interaction it handles. Guarded by the router lock. */
final class Routed {
  final RoutingInfo info;
  RoutingState state = RoutingState.QUEUED;
  /** The queue it is in, or came through; null for work never queued (assigned by the host). */
  QueueState queue;
  /** Its place in {@link #queue}: the router's counter when it entered; lower is older. */
  long seq;
  /** Bumped on every queue entry, so that a stale max-wait timer does nothing. */
  long generation;
  boolean waiting;
  /** Max wait passed while it was being offered: overflow once those offers fail. */
  boolean overdue;
  AgentState owner;
  /** The single offer is a transfer to an agent; if it fails, the interaction returns to its queue. */
  boolean directTransfer;
  final List<OfferRecord> offers = new ArrayList<>(2);
  /** Agents who rejected it or let it time out (or transferred it away) this round (S6). */
  LinkedHashSet<AgentState> excluded;
  /** Agents excluded in earlier rounds: offered again after the back-off, but last. */
  LinkedHashSet<AgentState> rejectedBefore;
  Scheduler.Cancellable maxWaitTimer;
  Scheduler.Cancellable backoffTimer;
  /** Runs out if the owner has not answered (re-route unanswered); its token tells stale ones. */
  Scheduler.Cancellable unansweredTimer;
  long answerToken;
  Instant assignedAt;
  long backoffToken;

  Routed(RoutingInfo info) {
    this.info = info;
  }

  boolean isExcluded(AgentState a) {
    return excluded != null && excluded.contains(a);
  }

  boolean wasRejectedBefore(AgentState a) {
    return rejectedBefore != null && rejectedBefore.contains(a);
  }

  void exclude(AgentState a) {
    if (excluded == null) {
      excluded = new LinkedHashSet<>();
    }
    excluded.add(a);
  }

  /** Assigned: forget who declined it, so a later transfer starts afresh. */
  void clearExclusions() {
    excluded = null;
    rejectedBefore = null;
  }

  @Override
  public String toString() {
    return info.interaction().value();
  }
}
