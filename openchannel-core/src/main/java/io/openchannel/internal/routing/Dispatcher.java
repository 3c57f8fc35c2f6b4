package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.routing.RoutingState;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.time.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The router's state and its matching of work to agents. Every method runs under the router
 * lock. A step changes state first, noting which interactions need routing and which agents were
 * freed, then {@link #settle} offers work until nothing more can be offered: after every step no
 * eligible agent is idle while work they could take waits (work-conserving).
 */
final class Dispatcher {
  /** How many ended offers are kept for {@code Routing.offer(id)} and typed errors. */
  static final int ENDED_OFFERS_KEPT = 100_000;

  final Clock clock;
  final RouterTimers timers;
  final RoutingOptions options;
  final Supplier<String> ids;
  final Map<AgentId, AgentState> agents = new HashMap<>();
  final Map<QueueId, QueueState> queues = new HashMap<>();
  final Map<InteractionId, Routed> routed = new HashMap<>();
  final Map<OfferId, OfferRecord> live = new HashMap<>();
  final EndedOffers ended = new EndedOffers(ENDED_OFFERS_KEPT);
  private static final java.util.function.Predicate<AgentState> ANYONE = a -> true;
  private final ArrayDeque<Routed> toRoute = new ArrayDeque<>();
  /** Agents that may take waiting work, each once ({@link AgentState#freedQueued}), in order. */
  private final ArrayDeque<AgentState> freed = new ArrayDeque<>();
  /** Orders queue entries (FIFO) and assignments (least recent); only grows. */
  private long counter;

  Dispatcher(Clock clock, RouterTimers timers, RoutingOptions options, Supplier<String> ids) {
    this.clock = clock;
    this.timers = timers;
    this.options = options;
    this.ids = ids;
  }

  Instant now() {
    return clock.instant();
  }

  long next() {
    return ++counter;
  }

  /** Puts {@code x} into queue {@code q} at the back, tells listeners, and routes it on settle. */
  void enterQueue(Routed x, QueueState q, InteractionQueued.Cause cause, Optional<QueueId> from,
      Effects fx) {
    unwait(x);
    x.queue = q;
    x.seq = next();
    x.generation++;
    x.overdue = false;
    cancel(x.maxWaitTimer);
    // No Optional.map: its lambda captured x, an allocation per queued interaction.
    x.maxWaitTimer = q.config.maxWait().isPresent()
        ? timers.maxWait(x.info.interaction(), x.generation, q.config.maxWait().get()) : null;
    fx.publish(new InteractionQueued(now(), x.info.interaction(), q.config.id(), cause, from));
    toRoute.add(x);
  }

  void needsRouting(Routed x) {
    toRoute.add(x);
  }

  void freed(AgentState a) {
    // A deque and a flag rather than a LinkedHashSet: the same order and no duplicates, without
    // an entry and an iterator per freed agent.
    if (!a.freedQueued) {
      a.freedQueued = true;
      freed.add(a);
    }
  }

  /** Offers what can be offered: pending routings first, then work for freed agents. */
  void settle(Effects fx) {
    while (true) {
      Routed x = toRoute.poll();
      if (x != null) {
        if (x.state == RoutingState.QUEUED && !x.waiting && routed.get(x.info.interaction()) == x) {
          route(x, fx);
        }
        continue;
      }
      AgentState a = freed.poll();
      if (a == null) {
        return;
      }
      a.freedQueued = false;
      offerWaitingWorkTo(a, fx);
    }
  }

  /** Offers {@code x} (QUEUED, not waiting) by its queue's strategy, or makes it wait. */
  private void route(Routed x, Effects fx) {
    if (x.overdue) {
      x.overdue = false;
      if (x.queue.config.overflow().isPresent()) {
        overflow(x, fx);
        return; // routed again on settle, in the new queue
      }
    }
    QueueState q = x.queue;
    ChannelType c = x.info.channel();
    AgentPool pool = q.pool(c);
    // Most work has nobody excluded: then any agent will do, without a predicate capturing x.
    boolean anyone = x.excluded == null && x.rejectedBefore == null;
    if (q.strategy() == RoutingStrategy.RING_ALL) {
      List<AgentState> targets = pool.all(anyone ? ANYONE
          : a -> !x.isExcluded(a) && !x.wasRejectedBefore(a));
      if (targets.isEmpty()) {
        targets = pool.all(a -> !x.isExcluded(a)); // only earlier rejecters remain: now their turn
      }
      if (targets.isEmpty()) {
        waitInQueue(x);
        return;
      }
      x.state = x.state.moveTo(RoutingState.OFFERING);
      for (AgentState a : targets) {
        createOffer(x, a, Optional.empty(), fx);
      }
      return;
    }
    AgentState a = pool.pick(anyone ? ANYONE
        : b -> !x.isExcluded(b) && !x.wasRejectedBefore(b), q.startAfter());
    if (a == null && x.rejectedBefore != null) {
      for (AgentState r : x.rejectedBefore) {
        if (pool.contains(r, r.positionIn(q)) && !x.isExcluded(r)) {
          a = r; // those who rejected it come last, in the order they rejected
          break;
        }
      }
    }
    if (a == null) {
      waitInQueue(x);
      return;
    }
    if (q.strategy() == RoutingStrategy.ROUND_ROBIN) {
      q.lastPicked = q.positionOf(a); // only round robin remembers; saves a walk of a's queues
    }
    x.state = x.state.moveTo(RoutingState.OFFERING);
    createOffer(x, a, Optional.empty(), fx);
  }

  private void waitInQueue(Routed x) {
    x.queue.addWaiting(x);
    x.waiting = true;
    if (x.excluded != null && !x.excluded.isEmpty() && x.backoffTimer == null) {
      // Everyone eligible declined it: offer it again after a pause, decliners last.
      x.backoffToken = next();
      x.backoffTimer = timers.backoff(x.info.interaction(), x.backoffToken, options.rejectBackoff());
    }
  }

  void unwait(Routed x) {
    if (x.waiting) {
      x.queue.removeWaiting(x);
      x.waiting = false;
    }
  }

  /** Moves overdue work to its queue's overflow queue. */
  void overflow(Routed x, Effects fx) {
    QueueState from = x.queue;
    QueueState to = queues.get(from.config.overflow().orElseThrow());
    enterQueue(x, to, InteractionQueued.Cause.OVERFLOW, Optional.of(from.config.id()), fx);
  }

  /** Gives a freed agent the best waiting work they can take: highest queue priority, then oldest. */
  private void offerWaitingWorkTo(AgentState a, Effects fx) {
    while (a.available()) {
      Routed best = null;
      for (int i = 0; i < a.queueCount(); i++) {
        QueueState q = a.queue(i);
        if (!q.hasWaiting() || !q.skilled(a)) {
          continue;
        }
        for (int c = 0; c < AgentState.CHANNELS; c++) {
          TreeMap<Long, Routed> waiting = q.waitingOn(c);
          if (waiting == null || waiting.isEmpty() || !a.hasRoom(c)) {
            continue;
          }
          for (Routed x : waiting.values()) {
            if (!x.isExcluded(a)) {
              if (best == null || q.priority() > best.queue.priority()
                  || (q.priority() == best.queue.priority() && x.seq < best.seq)) {
                best = x;
              }
              break; // the oldest this agent may take; later ones are younger
            }
          }
        }
      }
      if (best == null) {
        return;
      }
      QueueState from = best.queue;
      unwait(best);
      route(best, fx); // offers it to someone: at least this agent is eligible
      settleRoutingOnly(fx);
      if (best.waiting && best.queue == from) {
        return; // cannot happen while the pools are consistent; never loop on it
      }
    }
  }

  /** Routes what {@link #route} queued (an overflow) before looking at waiting work again. */
  private void settleRoutingOnly(Effects fx) {
    Routed x;
    while ((x = toRoute.poll()) != null) {
      if (x.state == RoutingState.QUEUED && !x.waiting && routed.get(x.info.interaction()) == x) {
        route(x, fx);
      }
    }
  }

  OfferRecord createOffer(Routed x, AgentState a, Optional<AgentId> transferredBy, Effects fx) {
    Instant now = now();
    Instant expires = now.plus(x.queue.config.offerTimeout());
    Offer offer = Offer.pending(OfferId.of(ids.get()), x.info.interaction(), a.id,
        x.queue.config.id(), now, expires);
    OfferRecord rec = new OfferRecord(offer, x, a);
    live.put(offer.id(), rec);
    x.offers.add(rec);
    a.offers.add(rec);
    a.addPending(x.info.channel().ordinal(), 1);
    refresh(a);
    rec.timer = timers.offerTimeout(offer.id(), x.queue.config.offerTimeout());
    fx.publish(new OfferCreated(now, offer.id(), x.info.interaction(), a.id, x.queue.config.id(),
        x.info.account(), x.info.channel(), x.info.contactName(), x.info.preview(), expires,
        transferredBy));
    return rec;
  }

  /**
   * Ends a live offer (not by accepting it): frees the agent's slot and, when it was the
   * interaction's last live offer, sends the interaction back to routing.
   */
  void endOffer(OfferRecord rec, OfferState state, Optional<RescindReason> reason, Effects fx) {
    Instant now = now();
    close(rec, state, reason, now);
    Routed x = rec.interaction;
    AgentState a = rec.agent;
    a.addPending(x.info.channel().ordinal(), -1);
    refresh(a);
    freed(a);
    OfferId id = rec.offer.id();
    InteractionId xid = x.info.interaction();
    switch (state) {
      case REJECTED:
        fx.publish(new OfferRejected(now, id, xid, a.id));
        break;
      case TIMED_OUT:
        fx.publish(new OfferTimedOut(now, id, xid, a.id));
        break;
      default:
        fx.publish(new OfferRescinded(now, id, xid, a.id, reason.orElseThrow()));
    }
    if (x.offers.isEmpty() && x.state == RoutingState.OFFERING) {
      x.state = x.state.moveTo(RoutingState.QUEUED);
      if (x.directTransfer) {
        // The agent it was transferred to did not take it: back to its queue (documented).
        x.directTransfer = false;
        enterQueue(x, x.queue, InteractionQueued.Cause.TRANSFER_RETURNED, Optional.empty(), fx);
      } else {
        toRoute.add(x);
      }
    }
  }

  /** Accepts a live offer: the agent's pending slot becomes an assigned one, so load is unchanged. */
  void acceptOffer(OfferRecord rec, Effects fx) {
    Instant now = now();
    close(rec, OfferState.ACCEPTED, Optional.empty(), now);
    Routed x = rec.interaction;
    AgentState a = rec.agent;
    int c = x.info.channel().ordinal();
    a.addPending(c, -1);
    a.addAssigned(c, 1);
    a.owned.add(x);
    a.lastAssigned = next();
    a.missedInRow = 0;
    fx.publish(new OfferAccepted(now, rec.offer.id(), x.info.interaction(), a.id));
    x.state = x.state.moveTo(RoutingState.ASSIGNED);
    x.owner = a;
    x.directTransfer = false;
    afterAssigned(x, now);
    if (!x.offers.isEmpty()) { // only ring-all leaves others; skip the copy and its iterator
      for (OfferRecord other : List.copyOf(x.offers)) {
        endOffer(other, OfferState.RESCINDED, Optional.of(RescindReason.TAKEN_BY_OTHER_AGENT), fx);
      }
    }
    refresh(a);
  }

  /** An assigned interaction no longer waits, overflows or backs off. */
  void afterAssigned(Routed x) {
    afterAssigned(x, null);
  }

  /** {@link #afterAssigned(Routed)} in a step that already read the clock ({@code now}, or null). */
  void afterAssigned(Routed x, Instant now) {
    unwait(x);
    x.clearExclusions();
    x.overdue = false;
    cancel(x.maxWaitTimer);
    cancel(x.backoffTimer);
    cancel(x.unansweredTimer);
    x.maxWaitTimer = null;
    x.backoffTimer = null;
    x.unansweredTimer = null;
    if (x.state == RoutingState.ASSIGNED && x.owner != null && x.queue != null) {
      x.assignedAt = now != null ? now : now();
      long token = ++x.answerToken;
      Optional<java.time.Duration> after = options.rerouteUnanswered(); // no capturing lambda
      if (after.isPresent()) {
        x.unansweredTimer = timers.unanswered(x.info.interaction(), token, after.get());
      }
    }
  }

  private void close(OfferRecord rec, OfferState state, Optional<RescindReason> reason, Instant now) {
    // rec.offer stays the pending offer: the ended one is rebuilt from ended offers if asked for
    live.remove(rec.offer.id());
    ended.put(rec.offer, state, now, reason);
    rec.interaction.offers.remove(rec);
    rec.agent.offers.remove(rec);
    if (state != OfferState.TIMED_OUT) {
      cancel(rec.timer);
    }
  }

  void refresh(AgentState a) {
    for (int i = 0; i < a.queueCount(); i++) {
      a.queue(i).refresh(a, a.position(i));
    }
  }

  static void cancel(Scheduler.Cancellable timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
