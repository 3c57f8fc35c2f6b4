package io.openchannel.internal.routing;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.InteractionQueued;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.OfflineAssignments;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.routing.RoutingState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Routing state and decisions, in memory. One lock guards it all: every public method must be
 * called holding {@link #lock()} (checked), and the engine takes that lock after a conversation's
 * lock and before a store transaction, never the other way round. Queries live in
 * {@link RouterQueries}, transfers in {@link RouterTransfers}.
 */
public final class Router {
  private final ReentrantLock lock = new ReentrantLock();
  final Dispatcher d;
  private final Random random;

  public Router(Clock clock, RouterTimers timers, RoutingOptions options, Supplier<String> ids) {
    this.d = new Dispatcher(clock, timers, options, ids);
    this.random = options.randomSeed().isPresent()
        ? new Random(options.randomSeed().getAsLong()) : new Random();
  }

  /** The router lock: taken after a conversation lock and before a store transaction. */
  public ReentrantLock lock() {
    return lock;
  }

  void checkLocked() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the router lock must be held");
    }
  }

  /** Adds or updates an agent's mirror; reacts to presence, capacity and skill changes. */
  public void putAgent(Agent agent, boolean automatic, Effects fx) {
    checkLocked();
    AgentState a = d.agents.get(agent.id());
    if (a == null) {
      d.agents.put(agent.id(), new AgentState(agent));
      return; // in no queue yet
    }
    Presence before = a.presence;
    a.update(agent);
    if (before != a.presence) {
      fx.publish(new AgentPresenceChanged(d.now(), a.id, before, a.presence, automatic));
    }
    if (!a.available()) {
      for (OfferRecord rec : List.copyOf(a.offers)) {
        d.endOffer(rec, OfferState.RESCINDED, Optional.of(RescindReason.AGENT_UNAVAILABLE), fx);
      }
      if (a.presence == Presence.OFFLINE && before != Presence.OFFLINE
          && d.options.offlineAssignments() == OfflineAssignments.REQUEUE) {
        for (Routed x : a.owned) {
          if (x.queue != null) {
            fx.requeue(x.info.interaction(), a.id);
          }
        }
      }
    } else {
      // Lowered capacity: withdraw the newest offers until the load fits; assigned work stays.
      List<OfferRecord> newestFirst = new ArrayList<>(a.offers);
      for (int i = newestFirst.size() - 1; i >= 0; i--) {
        OfferRecord rec = newestFirst.get(i);
        if (a.load(rec.interaction.info.channel())
            > a.capacity(rec.interaction.info.channel().ordinal())) {
          d.endOffer(rec, OfferState.RESCINDED, Optional.of(RescindReason.AGENT_UNAVAILABLE), fx);
        }
      }
      if (before != Presence.AVAILABLE) {
        a.missedInRow = 0;
      }
    }
    d.refresh(a);
    d.freed(a);
    d.settle(fx);
  }

  /** Whether the agent should still be auto-paused (available, and still missing offers). */
  public boolean shouldAutoPause(AgentId agent) {
    checkLocked();
    AgentState a = d.agents.get(agent);
    int limit = d.options.autoPauseAfterMissedOffers();
    return a != null && limit > 0 && a.available() && a.missedInRow >= limit;
  }

  /** Creates a queue of known agents (the engine checks they exist in the store). */
  public Queue createQueue(Queue queue, List<Agent> members, Effects fx) {
    checkLocked();
    if (d.queues.containsKey(queue.id())) {
      throw new InvalidInputException("queue " + queue.id() + " already exists; use update() to change it");
    }
    checkOverflow(queue);
    Queue stored = queue.withVersion(0);
    QueueState q = new QueueState(stored, states(members), random);
    d.queues.put(queue.id(), q); // its members joined it
    return stored;
  }

  /** Replaces a queue's settings and members; waiting work stays in order. */
  public Queue updateQueue(Queue queue, List<Agent> members, Effects fx) {
    checkLocked();
    QueueState q = d.queues.get(queue.id());
    if (q == null) {
      throw new NotFoundException("no queue " + queue.id() + "; create it with queues().create(...)");
    }
    if (q.config.version() != queue.version()) {
      throw new ConcurrentUpdateException("queue " + queue.id() + " was changed by someone else (version "
          + q.config.version() + ", yours " + queue.version() + "); read it again and retry");
    }
    checkOverflow(queue);
    Queue stored = queue.withVersion(queue.version() + 1);
    q.reconfigure(stored, states(members)); // old members leave it, new ones join
    for (AgentState a : q.members) {
      d.freed(a); // a new member, or new settings, may let them take waiting work
    }
    d.settle(fx);
    return stored;
  }

  private void checkOverflow(Queue queue) {
    queue.overflow().ifPresent(o -> {
      if (!d.queues.containsKey(o)) {
        throw new NotFoundException("overflow queue " + o + " of queue " + queue.id()
            + " does not exist; create it first");
      }
    });
  }

  private List<AgentState> states(List<Agent> members) {
    List<AgentState> out = new ArrayList<>(members.size());
    for (Agent m : members) {
      out.add(ensureAgent(m));
    }
    return out;
  }

  AgentState ensureAgent(Agent agent) {
    return d.agents.computeIfAbsent(agent.id(), id -> new AgentState(agent));
  }

  /** Whether the queue exists. */
  public boolean hasQueue(QueueId queue) {
    checkLocked();
    return d.queues.containsKey(queue);
  }

  /** A new interaction on an account with a queue: queue it and offer it (S3). */
  public void enqueueNew(RoutingInfo info, Effects fx) {
    checkLocked();
    QueueState q = accountQueueOf(info);
    if (q == null || d.routed.containsKey(info.interaction())) {
      return; // the account's queue is gone: the host assigns by hand
    }
    Routed x = new Routed(info);
    d.routed.put(info.interaction(), x);
    d.enterQueue(x, q, InteractionQueued.Cause.NEW, Optional.empty(), fx);
    d.settle(fx);
  }

  /** The host assigned the interaction (or an agent started it): the agent owns it now. */
  public void assigned(RoutingInfo info, Agent agent, Effects fx) {
    checkLocked();
    AgentState a = ensureAgent(agent);
    Routed x = d.routed.get(info.interaction());
    if (x == null) {
      x = track(info);
    } else if (x.owner == a) {
      return;
    }
    x.state = x.state.moveTo(RoutingState.ASSIGNED); // before rescinding: no re-routing
    if (x.owner != null) {
      release(x);
    }
    for (OfferRecord rec : List.copyOf(x.offers)) {
      d.endOffer(rec, OfferState.RESCINDED, Optional.of(RescindReason.TAKEN_BY_OTHER_AGENT), fx);
    }
    own(x, a);
    d.settle(fx);
  }

  /** The account's queue, or null (no map(d.queues::get): a bound method reference per call). */
  private QueueState accountQueueOf(RoutingInfo info) {
    Optional<QueueId> queue = info.accountQueue();
    return queue.isPresent() ? d.queues.get(queue.get()) : null;
  }

  Routed track(RoutingInfo info) {
    Routed x = new Routed(info);
    x.queue = accountQueueOf(info);
    d.routed.put(info.interaction(), x);
    return x;
  }

  void own(Routed x, AgentState a) {
    x.owner = a;
    x.directTransfer = false;
    a.addAssigned(x.info.channel().ordinal(), 1);
    a.owned.add(x);
    a.lastAssigned = d.next();
    d.afterAssigned(x);
    d.refresh(a);
  }

  /** Frees the owner's slot (transfer, requeue, close, reassignment). */
  void release(Routed x) {
    AgentState owner = x.owner;
    owner.addAssigned(x.info.channel().ordinal(), -1);
    owner.owned.remove(x);
    x.owner = null;
    d.refresh(owner);
    d.freed(owner);
  }

  /** The interaction was closed: rescind its offers, free its agent (S13). */
  public void closed(InteractionId interaction, Effects fx) {
    checkLocked();
    Routed x = d.routed.remove(interaction);
    if (x == null) {
      return;
    }
    x.state = x.state.moveTo(RoutingState.CLOSED);
    d.unwait(x);
    if (!x.offers.isEmpty()) { // most close an assigned interaction: no copy, no iterator
      for (OfferRecord rec : List.copyOf(x.offers)) {
        d.endOffer(rec, OfferState.RESCINDED, Optional.of(RescindReason.INTERACTION_CLOSED), fx);
      }
    }
    if (x.owner != null) {
      release(x);
    }
    d.afterAssigned(x); // cancels its timers
    d.settle(fx);
  }

  /**
   * The interaction a live or recently ended offer is for.
   *
   * @throws NotFoundException if the offer is unknown
   */
  public InteractionId interactionOf(OfferId offer) {
    checkLocked();
    OfferRecord rec = d.live.get(offer);
    if (rec != null) {
      return rec.interaction.info.interaction();
    }
    var ended = d.ended.get(offer);
    if (ended == null) {
      throw new NotFoundException("no offer " + offer + " (unknown, or ended long ago)");
    }
    return ended.interaction();
  }

  /**
   * The live offer.
   *
   * @throws NotFoundException if unknown
   * @throws IllegalTransitionException if it has ended
   */
  public io.openchannel.routing.Offer requirePending(OfferId offer) {
    return pendingRecord(offer).offer;
  }

  /** The live offer's record; throws like {@link #requirePending}. */
  private OfferRecord pendingRecord(OfferId offer) {
    checkLocked();
    OfferRecord rec = d.live.get(offer);
    if (rec != null) {
      return rec;
    }
    var ended = d.ended.get(offer);
    if (ended == null) {
      throw new NotFoundException("no offer " + offer + " (unknown, or ended long ago)");
    }
    String why = ended.rescindReason().map(r -> " (" + r + ")").orElse("");
    throw new IllegalTransitionException("offer " + offer + " is " + ended.state() + why
        + ", not PENDING; only a pending offer can be accepted or rejected");
  }

  /** Accepts a pending offer (checked with {@link #requirePending} in the same lock hold). */
  public void accept(OfferId offer, Effects fx) {
    d.acceptOffer(pendingRecord(offer), fx);
    d.settle(fx);
  }

  /** Rejects a pending offer: the interaction goes to another agent (S6). */
  public io.openchannel.routing.Offer reject(OfferId offer, Effects fx) {
    OfferRecord rec = pendingRecord(offer);
    rec.agent.missedInRow = 0;
    rec.interaction.exclude(rec.agent);
    d.endOffer(rec, OfferState.REJECTED, Optional.empty(), fx);
    d.settle(fx);
    return d.ended.get(offer); // just kept: the ended offer
  }

  /** An offer's timer fired: if still pending, it timed out; the next agent gets the work. */
  public void timeout(OfferId offer, Effects fx) {
    checkLocked();
    OfferRecord rec = d.live.get(offer);
    if (rec == null) {
      return; // answered meanwhile
    }
    AgentState a = rec.agent;
    rec.interaction.exclude(a);
    d.endOffer(rec, OfferState.TIMED_OUT, Optional.empty(), fx);
    a.missedInRow++;
    if (shouldAutoPause(a.id)) {
      fx.autoPause(a.id);
    }
    d.settle(fx);
  }

  /** A queue's max wait passed for an interaction: overflow it, now or when its offers end. */
  public void maxWaitPassed(InteractionId interaction, long generation, Effects fx) {
    checkLocked();
    Routed x = d.routed.get(interaction);
    if (x == null || x.generation != generation) {
      return;
    }
    x.maxWaitTimer = null;
    if (x.queue.config.overflow().isEmpty()) {
      return; // no overflow queue: it stays
    }
    if (x.state == RoutingState.QUEUED) {
      d.unwait(x);
      d.overflow(x, fx);
      d.settle(fx);
    } else if (x.state == RoutingState.OFFERING) {
      x.overdue = true;
    }
  }

  /** The back-off after everyone declined passed: offer it again, those who declined last. */
  public void backoffPassed(InteractionId interaction, long token, Effects fx) {
    checkLocked();
    Routed x = d.routed.get(interaction);
    if (x == null || x.backoffTimer == null || x.backoffToken != token) {
      return;
    }
    x.backoffTimer = null;
    if (x.excluded != null) {
      if (x.rejectedBefore == null) {
        x.rejectedBefore = new java.util.LinkedHashSet<>();
      }
      x.rejectedBefore.addAll(x.excluded);
      x.excluded = null;
    }
    if (x.waiting) {
      d.unwait(x);
      d.needsRouting(x);
    }
    d.settle(fx);
  }

  /** Whether {@code agent} still owns the interaction and the reason to requeue still holds. */
  public boolean canRequeue(InteractionId interaction, AgentId agent, InteractionQueued.Cause cause) {
    checkLocked();
    Routed x = d.routed.get(interaction);
    boolean owned = x != null && x.state == RoutingState.ASSIGNED && x.owner.id.equals(agent)
        && x.queue != null;
    return owned && (cause != InteractionQueued.Cause.AGENT_OFFLINE
        || x.owner.presence == Presence.OFFLINE);
  }

  /**
   * Puts an interaction back in its queue (checked by {@link #canRequeue}); an agent who did not
   * answer is offered it last.
   */
  public void requeue(InteractionId interaction, InteractionQueued.Cause cause, Effects fx) {
    checkLocked();
    Routed x = d.routed.get(interaction);
    AgentState silent = x.owner;
    release(x);
    x.state = x.state.moveTo(RoutingState.QUEUED);
    d.afterAssigned(x); // cancels the unanswered timer
    if (cause == InteractionQueued.Cause.UNANSWERED) {
      x.exclude(silent);
    }
    d.enterQueue(x, x.queue, cause, Optional.empty(), fx);
    d.settle(fx);
  }

  /** The re-route-unanswered timer ran out: ask the engine to check the messages and requeue. */
  public void unansweredPassed(InteractionId interaction, long token, Effects fx) {
    checkLocked();
    Routed x = d.routed.get(interaction);
    if (x == null || x.answerToken != token || x.state != RoutingState.ASSIGNED || x.queue == null) {
      return; // closed, transferred or reassigned meanwhile
    }
    fx.reroute(interaction, x.owner.id, x.assignedAt);
  }
}
