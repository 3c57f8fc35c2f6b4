package io.openchannel.internal.routing;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Empties a {@link Router} and fills it from routing state read from the store, for an engine that
 * becomes the cluster's router or must correct its view after a conflict. What the store does not
 * keep starts afresh: round-robin positions, the order of last assignments, missed offers in a
 * row, back-off pauses. Call holding the router lock.
 */
public final class RouterLoader {
  /** An interaction in a queue, with its pending offers and the agents it must not go to again. */
  public record Waiting(RoutingInfo info, QueueId queue, Instant enqueuedAt, List<Offer> pending,
      Set<AgentId> excluded) {}

  /** An open interaction an agent owns (it counts in their load). */
  public record Owned(RoutingInfo info, AgentId owner) {}

  /**
   * What the store holds: every agent, every queue, the waiting work oldest first, the owned open
   * interactions, and the open interactions of queued accounts that nobody routed yet.
   */
  public record Snapshot(List<Agent> agents, List<Queue> queues, List<Waiting> waiting,
      List<Owned> owned, List<RoutingInfo> unrouted) {}

  private RouterLoader() {}

  /** Forgets everything and cancels every timer (an engine that stops routing). */
  public static void clear(Router router) {
    router.checkLocked();
    Dispatcher d = router.d;
    for (OfferRecord rec : d.live.values()) {
      Dispatcher.cancel(rec.timer);
    }
    for (Routed x : d.routed.values()) {
      Dispatcher.cancel(x.maxWaitTimer);
      Dispatcher.cancel(x.backoffTimer);
      Dispatcher.cancel(x.unansweredTimer);
    }
    d.live.clear();
    d.routed.clear();
    d.queues.clear();
    d.agents.clear();
    d.ended.clear();
  }

  /**
   * Replaces the router's state with {@code s}: offers' timers run out at their stored expiry
   * (at once if it passed), max waits count from the stored entry; then routes what can be
   * routed, the new decisions in {@code fx}.
   */
  public static void load(Router router, Snapshot s, Effects fx) {
    clear(router);
    Dispatcher d = router.d;
    for (Agent a : s.agents()) {
      d.agents.put(a.id(), new AgentState(a));
    }
    Random random = d.options.randomSeed().isPresent()
        ? new Random(d.options.randomSeed().getAsLong()) : new Random();
    for (Queue q : s.queues()) {
      List<AgentState> members = new ArrayList<>();
      for (QueueMember m : q.members()) {
        AgentState a = d.agents.get(m.agent());
        if (a != null) {
          members.add(a);
        }
      }
      QueueState state = new QueueState(q, members, random);
      d.queues.put(q.id(), state); // its members joined it
    }
    Instant now = d.now();
    for (Waiting w : s.waiting()) {
      QueueState q = d.queues.get(w.queue());
      if (q == null || d.routed.containsKey(w.info().interaction())) {
        continue;
      }
      loadWaiting(d, q, w, now);
    }
    for (Owned o : s.owned()) {
      AgentState a = d.agents.get(o.owner());
      if (a == null || d.routed.containsKey(o.info().interaction())) {
        continue;
      }
      Routed x = router.track(o.info());
      x.state = x.state.moveTo(RoutingState.ASSIGNED);
      router.own(x, a);
    }
    for (AgentState a : d.agents.values()) {
      d.freed(a);
    }
    d.settle(fx);
    for (RoutingInfo info : s.unrouted()) {
      router.enqueueNew(info, fx);
    }
  }

  private static void loadWaiting(Dispatcher d, QueueState q, Waiting w, Instant now) {
    InteractionId id = w.info().interaction();
    Routed x = new Routed(w.info());
    x.queue = q;
    x.seq = d.next();
    x.generation++;
    d.routed.put(id, x);
    for (AgentId excluded : w.excluded()) {
      AgentState a = d.agents.get(excluded);
      if (a != null) {
        x.exclude(a);
      }
    }
    if (q.config.maxWait().isPresent()) {
      x.maxWaitTimer = d.timers.maxWait(id, x.generation,
          remaining(now, w.enqueuedAt().plus(q.config.maxWait().get())));
    }
    List<Offer> pending = new ArrayList<>();
    for (Offer o : w.pending()) {
      if (d.agents.containsKey(o.agent())) {
        pending.add(o);
      }
    }
    if (pending.isEmpty()) {
      d.needsRouting(x);
      return;
    }
    x.state = x.state.moveTo(RoutingState.OFFERING);
    int channel = w.info().channel().ordinal();
    for (Offer o : pending) {
      AgentState a = d.agents.get(o.agent());
      OfferRecord rec = new OfferRecord(o, x, a);
      d.live.put(o.id(), rec);
      x.offers.add(rec);
      a.offers.add(rec);
      a.addPending(channel, 1);
      rec.timer = d.timers.offerTimeout(o.id(), remaining(now, o.expiresAt()));
    }
  }

  private static Duration remaining(Instant now, Instant at) {
    Duration left = Duration.between(now, at);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
