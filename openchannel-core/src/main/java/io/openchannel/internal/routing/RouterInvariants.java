package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.RoutingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes what the router's indexes and counters should be from its raw state and reports
 * every difference: a white-box check for tests (cost O(everything)). Call holding the lock.
 */
public final class RouterInvariants {
  private RouterInvariants() {}

  /** Every broken invariant, described; empty when all hold. */
  public static List<String> violations(Router router) {
    router.checkLocked();
    Dispatcher d = router.d;
    List<String> out = new ArrayList<>();
    for (AgentState a : d.agents.values()) {
      int[] assigned = new int[AgentState.CHANNELS];
      int[] pending = new int[AgentState.CHANNELS];
      for (Routed x : a.owned) {
        assigned[x.info.channel().ordinal()]++;
        if (x.owner != a || x.state != RoutingState.ASSIGNED) {
          out.add(a + " lists " + x + " as owned but it is " + x.state + " owned by " + x.owner);
        }
      }
      for (OfferRecord rec : a.offers) {
        pending[rec.interaction.info.channel().ordinal()]++;
      }
      for (ChannelType c : ChannelType.values()) {
        int i = c.ordinal();
        if (assigned[i] != a.assigned(i) || pending[i] != a.pending(i)) {
          out.add(a + " counts " + a.assigned(i) + "+" + a.pending(i) + " on " + c + ", really "
              + assigned[i] + "+" + pending[i]);
        }
        if (pending[i] > 0 && assigned[i] + pending[i] > a.capacity(i)) {
          out.add(a + " has offers beyond capacity on " + c);
        }
      }
    }
    for (Map.Entry<io.openchannel.routing.OfferId, OfferRecord> e : d.live.entrySet()) {
      OfferRecord rec = e.getValue();
      if (rec.offer.state() != OfferState.PENDING || !rec.interaction.offers.contains(rec)
          || !rec.agent.offers.contains(rec) || rec.interaction.state != RoutingState.OFFERING) {
        out.add("live offer " + e.getKey() + " is inconsistent");
      }
    }
    for (Routed x : d.routed.values()) {
      checkInteraction(d, x, out);
    }
    for (QueueState q : d.queues.values()) {
      checkQueue(q, out);
    }
    return out;
  }

  private static void checkInteraction(Dispatcher d, Routed x, List<String> out) {
    boolean ok;
    switch (x.state) {
      case QUEUED:
        ok = x.offers.isEmpty() && x.owner == null && x.waiting;
        break;
      case OFFERING:
        ok = !x.offers.isEmpty() && x.owner == null && !x.waiting;
        break;
      case ASSIGNED:
        ok = x.offers.isEmpty() && x.owner != null && x.owner.owned.contains(x) && !x.waiting;
        break;
      default:
        ok = false;
    }
    if (!ok) {
      out.add(x + " is " + x.state + " with " + x.offers.size() + " offers, owner " + x.owner
          + ", waiting " + x.waiting);
    }
    if (x.waiting && x.queue.waiting().getOrDefault(x.info.channel(), new TreeMap<>()).get(x.seq) != x) {
      out.add(x + " is waiting but not in its queue's list");
    }
  }

  private static void checkQueue(QueueState q, List<String> out) {
    for (Map.Entry<ChannelType, AgentPool> e : q.pools().entrySet()) {
      for (AgentState a : q.members) {
        if (q.eligible(a, e.getKey()) != e.getValue().contains(a, q.positionOf(a))) {
          out.add("pool " + q.config.id() + "/" + e.getKey() + " is wrong about " + a);
        }
      }
    }
    for (Map.Entry<ChannelType, TreeMap<Long, Routed>> e : q.waiting().entrySet()) {
      for (Routed x : e.getValue().values()) {
        if (!x.waiting || x.queue != q) {
          out.add(x + " is listed as waiting in " + q.config.id() + " but is not");
        }
        for (AgentState a : q.members) {
          if (q.eligible(a, e.getKey()) && !x.isExcluded(a)) {
            out.add(x + " waits in " + q.config.id() + " while " + a + " could take it");
          }
        }
      }
    }
  }
}
