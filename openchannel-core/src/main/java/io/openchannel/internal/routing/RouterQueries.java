package io.openchannel.internal.routing;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RoutingState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Read-only views of the router's state. Every method must be called holding the router lock. */
public final class RouterQueries {
  private final Router router;

  public RouterQueries(Router router) {
    this.router = router;
  }

  public List<Offer> pendingOffers(AgentId agent) {
    router.checkLocked();
    AgentState a = router.d.agents.get(agent);
    if (a == null) {
      return List.of();
    }
    List<Offer> out = new ArrayList<>(a.offers.size());
    a.offers.forEach(rec -> out.add(rec.offer));
    return out;
  }

  public Optional<Offer> offer(OfferId offer) {
    router.checkLocked();
    OfferRecord rec = router.d.live.get(offer);
    return rec != null ? Optional.of(rec.offer) : Optional.ofNullable(router.d.ended.get(offer));
  }

  public Optional<RoutingState> state(InteractionId interaction) {
    router.checkLocked();
    Routed x = router.d.routed.get(interaction);
    return x == null ? Optional.empty() : Optional.of(x.state);
  }

  /** The queue's waiting work in the order it will be offered (oldest first). */
  public Optional<List<InteractionId>> waiting(QueueId queue) {
    router.checkLocked();
    QueueState q = router.d.queues.get(queue);
    if (q == null) {
      return Optional.empty();
    }
    List<Routed> all = new ArrayList<>();
    for (TreeMap<Long, Routed> byChannel : q.waiting().values()) {
      all.addAll(byChannel.values());
    }
    all.sort(Comparator.comparingLong(x -> x.seq));
    List<InteractionId> out = new ArrayList<>(all.size());
    all.forEach(x -> out.add(x.info.interaction()));
    return Optional.of(out);
  }

  public Optional<Queue> queue(QueueId queue) {
    router.checkLocked();
    return Optional.ofNullable(router.d.queues.get(queue)).map(q -> q.config);
  }

  public List<Queue> queues() {
    router.checkLocked();
    List<Queue> out = new ArrayList<>();
    router.d.queues.values().forEach(q -> out.add(q.config));
    out.sort(Comparator.comparing(Queue::id));
    return out;
  }

  /** Whether routing knows the agent (it mirrors every agent created through the engine). */
  public boolean knowsAgent(AgentId agent) {
    router.checkLocked();
    return router.d.agents.containsKey(agent);
  }
}
