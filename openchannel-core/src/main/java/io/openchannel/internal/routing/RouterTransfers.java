package io.openchannel.internal.routing;

import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RoutingState;
import java.util.Optional;

/**
 * Transfers (S14) in the router. To a queue: the owner's slot is freed and the interaction
 * queued there, the transferring agent last. To an agent: the owner's slot is freed and the
 * target gets the only offer; if it is rejected, times out or is rescinded, the interaction goes
 * back to the queue it came through ({@code TRANSFER_RETURNED}), target and sender last. Call
 * holding the router lock.
 */
public final class RouterTransfers {
  private final Router router;

  public RouterTransfers(Router router) {
    this.router = router;
  }

  /**
   * Checks a transfer (S14) before the store is written: the interaction must be assigned to
   * {@code by} and the target able to take it.
   */
  public void checkTransfer(RoutingInfo info, AgentId by, Optional<QueueId> toQueue,
      Optional<AgentId> toAgent) {
    router.checkLocked();
    Routed x = router.d.routed.get(info.interaction());
    if (x != null && (x.state != RoutingState.ASSIGNED || x.owner == null || !x.owner.id.equals(by))) {
      throw new IllegalTransitionException("interaction " + info.interaction() + " is " + x.state
          + ", not assigned to " + by + "; only its owner can transfer it");
    }
    toQueue.ifPresent(q -> {
      if (!router.d.queues.containsKey(q)) {
        throw new NotFoundException("no queue " + q + "; create it with queues().create(...)");
      }
    });
    if (toAgent.isPresent()) {
      AgentId to = toAgent.get();
      if (to.equals(by)) {
        throw new InvalidInputException("agent " + by + " cannot transfer an interaction to themselves");
      }
      AgentState t = router.d.agents.get(to);
      if (t == null || !t.available() || !t.hasRoom(info.channel())) {
        throw new IllegalTransitionException("agent " + to + " cannot take interaction "
            + info.interaction() + " now (" + (t == null ? "unknown to routing" : t.presence
            + ", load " + t.load(info.channel()) + " of " + t.capacity(info.channel().ordinal()))
            + "); transfer to a queue instead");
      }
      QueueState home = x != null && x.queue != null ? x.queue
          : info.accountQueue().map(router.d.queues::get).orElse(null);
      if (home == null) {
        throw new IllegalTransitionException("interaction " + info.interaction()
            + " has no queue to return to if " + to + " does not take it; transfer it to a queue");
      }
    }
  }

  /** Transfers an assigned interaction to a queue (checked by {@link #checkTransfer}). */
  public void transferToQueue(RoutingInfo info, Agent by, QueueId to, Effects fx) {
    checkTransfer(info, by.id(), Optional.of(to), Optional.empty());
    Routed x = ownedBy(info, by);
    Optional<QueueId> from = Optional.ofNullable(x.queue).map(q -> q.config.id());
    AgentState owner = x.owner;
    router.release(x);
    x.state = x.state.moveTo(RoutingState.QUEUED);
    x.exclude(owner); // they passed it on: offered to them again only after the others
    fx.publish(new InteractionTransferred(router.d.now(), info.interaction(), by.id(), Optional.of(to),
        Optional.empty()));
    router.d.enterQueue(x, router.d.queues.get(to), InteractionQueued.Cause.TRANSFER, from, fx);
    router.d.settle(fx);
  }

  /** Transfers an assigned interaction to an agent: their only offer (checked by {@link #checkTransfer}). */
  public io.openchannel.routing.Offer transferToAgent(RoutingInfo info, Agent by, AgentId to,
      Effects fx) {
    checkTransfer(info, by.id(), Optional.empty(), Optional.of(to));
    Routed x = ownedBy(info, by);
    if (x.queue == null) {
      x.queue = router.d.queues.get(info.accountQueue().orElseThrow());
    }
    AgentState owner = x.owner;
    router.release(x);
    x.state = x.state.moveTo(RoutingState.OFFERING);
    x.directTransfer = true;
    x.exclude(owner);
    fx.publish(new InteractionTransferred(router.d.now(), info.interaction(), by.id(), Optional.empty(),
        Optional.of(to)));
    OfferRecord rec = router.d.createOffer(x, router.d.agents.get(to), Optional.of(by.id()), fx);
    router.d.settle(fx);
    return rec.offer;
  }

  /** The routed interaction, tracked now if the host had assigned it before routing knew it. */
  private Routed ownedBy(RoutingInfo info, Agent by) {
    Routed x = router.d.routed.get(info.interaction());
    if (x == null) {
      x = router.track(info);
      x.state = x.state.moveTo(RoutingState.ASSIGNED);
      router.own(x, router.ensureAgent(by));
    }
    return x;
  }

}
