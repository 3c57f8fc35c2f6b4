package io.openchannel.internal.engine;

import io.openchannel.IllegalTransitionException;
import io.openchannel.NotFoundException;
import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.OfferCreated;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.routing.Presence;
import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.routing.RoutingState;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.store.WaitingEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Routing commands and reads when the store keeps the routing state ({@link RoutingLedger}), the
 * same on every engine: the store is written first, in the command's transaction, and decides
 * (an offer is accepted only if it is still pending there, so of two engines accepting one offer
 * one wins); the engine that routes then applies the change to its router
 * ({@link ClusterRouting#routed}), the others leave it to the log.
 */
final class LedgerCommands {
  private final Engine engine;
  private final RoutingLedger ledger;

  LedgerCommands(Engine engine, RoutingLedger ledger) {
    this.engine = engine;
    this.ledger = ledger;
  }

  private Offer requireOffer(StoreTransaction tx, OfferId offer) {
    return ledger.findOffer(tx, offer).orElseThrow(() -> new NotFoundException("no offer "
        + offer + " (unknown, or ended long ago)"));
  }

  private IllegalTransitionException notPending(StoreTransaction tx, OfferId offer) {
    Offer o = requireOffer(tx, offer);
    String why = o.rescindReason().map(r -> ", " + r).orElse("");
    return new IllegalTransitionException("offer " + offer + " is no longer pending (state "
        + o.state() + why + "); only a pending offer can be accepted or rejected");
  }

  Interaction accept(OfferId offer) {
    Offer o = engine.transactions.read(tx -> requireOffer(tx, offer));
    InteractionId x = o.interaction();
    RoutingService routing = engine.routing;
    return routing.write(engine.lockKey(x), true, work -> {
      // Lock order, the same as close and assign: the agent's row, the interaction's row, then
      // offers. Accepts of one interaction's offers (ring-all) thus queue on the interaction
      // instead of each holding its own offer while waiting for the others' (a deadlock).
      StoreTransaction tx = work.tx();
      Instant now = engine.now();
      Agent agent = Engine.requireAgent(work, o.agent());
      Interaction i = Engine.requireInteraction(work, x);
      Account account = Engine.requireAccount(work, i.account());
      int load = ledger.lockAndCountAssigned(tx, agent.id(), account.type());
      int capacity = agent.capacityFor(account.type());
      boolean owns = i.owner().equals(Optional.of(agent.id()));
      Interaction assigned = engine.assignIn(work, i, agent);
      if (!ledger.endOffer(tx, offer, OfferState.ACCEPTED, Optional.empty(), now)) {
        throw notPending(tx, offer); // rolls the assignment back too
      }
      if (load >= capacity && !owns) {
        throw new IllegalTransitionException("agent " + agent.id() + " already handles " + load
            + " " + account.type() + " interactions, their capacity of " + capacity
            + "; close one before accepting offer " + offer);
      }
      work.publish(new OfferAccepted(now, offer, x, agent.id()));
      takenIn(work, x);
      return assigned;
    }, (i, fx) -> {
      requireLive(offer);
      routing.router.accept(offer, fx);
    });
  }

  Offer reject(OfferId offer) {
    Offer o = engine.transactions.read(tx -> requireOffer(tx, offer));
    RoutingService routing = engine.routing;
    return routing.write(engine.lockKey(o.interaction()), true, work -> {
      Instant now = engine.now();
      if (!ledger.endOffer(work.tx(), offer, OfferState.REJECTED, Optional.empty(), now)) {
        throw notPending(work.tx(), offer);
      }
      work.publish(new OfferRejected(now, offer, o.interaction(), o.agent()));
      return requireOffer(work.tx(), offer);
    }, (ended, fx) -> {
      requireLive(offer);
      routing.router.reject(offer, fx);
    });
  }

  /** What a transfer did: the interaction, and the offer to the target agent if it went to one. */
  record Moved(Interaction interaction, Optional<Offer> offer) {}

  /**
   * Transfers (S14) through the store: to a queue, the interaction waits there at the back; to an
   * agent, the agent gets its only offer and the interaction waits in the queue it came through,
   * where it is routed again should the agent not take it. The router applies a transfer by
   * reloading (rare; the store holds all of it), so the in-memory extras of a lone engine are
   * not kept: the sender is not held back to last, and a refused direct offer is routed on in that
   * queue without a {@code TRANSFER_RETURNED} entry.
   */
  Moved transfer(InteractionId x, AgentId by, Optional<QueueId> toQueue, Optional<AgentId> toAgent) {
    return engine.routing.write(engine.lockKey(x), true, work -> {
      StoreTransaction tx = work.tx();
      Interaction i = Engine.requireInteraction(work, x);
      Agent agent = Engine.requireAgent(work, by);
      TransferRules.check(work, i, agent);
      Account account = Engine.requireAccount(work, i.account());
      Instant now = engine.now();
      List<Offer> history = ledger.offersFor(tx, x);
      Optional<QueueId> from = history.isEmpty() ? account.settings().queue()
          : Optional.of(history.get(history.size() - 1).queue());
      if (toQueue.isPresent()) {
        Queue q = requireQueue(tx, toQueue.get());
        Interaction moved = work.tx().interactions().update(i.withoutOwner());
        work.publish(new InteractionTransferred(now, x, by, toQueue, Optional.empty()));
        ledger.putWaiting(tx, new WaitingEntry(x, q.id(), q.priority(), now));
        work.publish(new InteractionQueued(now, x, q.id(), InteractionQueued.Cause.TRANSFER, from));
        return new Moved(moved, Optional.empty());
      }
      AgentId to = toAgent.orElseThrow();
      if (to.equals(by)) {
        throw new InvalidInputException("agent " + by + " cannot transfer an interaction to themselves");
      }
      Agent target = Engine.requireAgent(work, to);
      Queue home = from.flatMap(q -> ledger.findQueue(tx, q)).orElseThrow(() ->
          new IllegalTransitionException("interaction " + x + " has no queue to return to if " + to
              + " does not take it; transfer it to a queue"));
      ChannelType channel = account.type();
      int load = ledger.lockAndCountAssigned(tx, to, channel) + ledger.pendingOffersOf(tx, to).size();
      if (target.presence() != Presence.AVAILABLE || load >= target.capacityFor(channel)) {
        throw new IllegalTransitionException("agent " + to + " cannot take interaction " + x
            + " now (" + target.presence() + ", load " + load + " of "
            + target.capacityFor(channel) + "); transfer to a queue instead");
      }
      Interaction moved = work.tx().interactions().update(i.withoutOwner());
      work.publish(new InteractionTransferred(now, x, by, Optional.empty(), toAgent));
      Offer offer = Offer.pending(OfferId.of(engine.ids.next()), x, to, home.id(), now,
          now.plus(home.offerTimeout()));
      ledger.insertOffer(tx, offer);
      ledger.putWaiting(tx, new WaitingEntry(x, home.id(), home.priority(), now));
      RoutingInfo info = RoutingService.infoOf(work, i);
      work.publish(new OfferCreated(now, offer.id(), x, to, home.id(), account.id(), channel,
          info.contactName(), info.preview(), offer.expiresAt(), Optional.of(by)));
      return new Moved(moved, Optional.of(offer));
    }, (m, fx) -> {
      throw new ClusterRouting.ReloadInstead();
    });
  }

  private Queue requireQueue(StoreTransaction tx, QueueId queue) {
    return ledger.findQueue(tx, queue).orElseThrow(() -> new NotFoundException("no queue " + queue
        + "; create it with queues().create(...)"));
  }

  /** The router must know the offer as pending, else it reloads ({@link ClusterRouting#routed}). */
  private void requireLive(OfferId offer) {
    if (engine.routing.queries.offer(offer).filter(Offer::isPending).isEmpty()) {
      throw new IllegalStateException("the router does not know offer " + offer + " as pending");
    }
  }

  /** In an assignment's transaction: the interaction's other offers are rescinded, it leaves its queue. */
  void takenIn(Transactions.Work work, InteractionId x) {
    endAllIn(work, x, RescindReason.TAKEN_BY_OTHER_AGENT);
  }

  /** In a close's transaction: its offers are rescinded, it leaves its queue (S13). */
  void closedIn(Transactions.Work work, InteractionId x) {
    endAllIn(work, x, RescindReason.INTERACTION_CLOSED);
  }

  private void endAllIn(Transactions.Work work, InteractionId x, RescindReason reason) {
    StoreTransaction tx = work.tx();
    Instant now = engine.now();
    for (Offer o : ledger.offersFor(tx, x)) {
      if (o.isPending() && ledger.endOffer(tx, o.id(), OfferState.RESCINDED, Optional.of(reason), now)) {
        work.publish(new OfferRescinded(now, o.id(), x, o.agent(), reason));
      }
    }
    ledger.removeWaiting(tx, x);
  }

  /**
   * In an agent update's transaction: a presence change is published here (every engine hears it
   * from the log); a change of what routing reads without an event (capacity, skills) is
   * signalled to the router.
   */
  void agentChangedIn(Transactions.Work work, Agent before, Agent after, boolean automatic) {
    if (before.presence() != after.presence()) {
      work.publish(new AgentPresenceChanged(engine.now(), after.id(), before.presence(),
          after.presence(), automatic));
    }
    if (!before.capacity().equals(after.capacity()) || !before.skills().equals(after.skills())) {
      ledger.signalChange(work.tx());
    }
  }

  // Queues

  Queue createQueue(Queue queue) {
    return saveQueue(queue, ledger::createQueue);
  }

  Queue updateQueue(Queue queue) {
    return saveQueue(queue, ledger::updateQueue);
  }

  /** Stores the queue, tells the router (here at once, elsewhere through the change counter). */
  private Queue saveQueue(Queue queue, BiFunction<StoreTransaction, Queue, Queue> save) {
    Queue stored = engine.config.store().inTransaction(tx -> {
      checkOverflow(tx, queue);
      Queue q = save.apply(tx, queue);
      ledger.signalChange(tx);
      return q;
    });
    engine.routing.cluster().reload();
    return stored;
  }

  private void checkOverflow(StoreTransaction tx, Queue queue) {
    queue.overflow().ifPresent(o -> {
      if (ledger.findQueue(tx, o).isEmpty()) {
        throw new NotFoundException("overflow queue " + o + " of queue " + queue.id()
            + " does not exist; create it first");
      }
    });
  }

  Optional<Queue> queue(QueueId id) {
    return engine.transactions.read(tx -> ledger.findQueue(tx, id));
  }

  List<Queue> queues() {
    return engine.transactions.read(ledger::queues);
  }

  // Reads

  List<Offer> pendingOffers(AgentId agent) {
    return engine.transactions.read(tx -> ledger.pendingOffersOf(tx, agent));
  }

  Optional<Offer> offer(OfferId offer) {
    return engine.transactions.read(tx -> ledger.findOffer(tx, offer));
  }

  Optional<RoutingState> state(InteractionId x) {
    return engine.transactions.read(tx -> {
      Interaction i = tx.interactions().find(x)
          .orElseThrow(() -> new NotFoundException("no interaction " + x));
      if (!i.isOpen()) {
        return Optional.of(RoutingState.CLOSED);
      }
      if (i.owner().isPresent()) {
        return Optional.of(RoutingState.ASSIGNED);
      }
      if (ledger.offersFor(tx, x).stream().anyMatch(Offer::isPending)) {
        return Optional.of(RoutingState.OFFERING);
      }
      return ledger.findWaiting(tx, x).map(e -> RoutingState.QUEUED);
    });
  }

  /** The queue's work that no agent is being offered, in queue order. */
  List<InteractionId> waiting(QueueId queue) {
    return engine.transactions.read(tx -> {
      requireQueue(tx, queue);
      Set<InteractionId> offered = new HashSet<>();
      ledger.pendingOffers(tx).forEach(o -> offered.add(o.interaction()));
      List<InteractionId> out = new ArrayList<>();
      for (WaitingEntry e : ledger.waiting(tx)) {
        if (e.queue().equals(queue) && !offered.contains(e.interaction())) {
          out.add(e.interaction());
        }
      }
      return out;
    });
  }
}
