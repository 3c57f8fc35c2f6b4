package io.openchannel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One engine plus a model built only from what the engine tells (events, public queries), and
 * the invariants checked after every step of the stateful property. Four agents; {@code sales}
 * (the accounts' queue) has the first three, {@code support} the last two.
 */
final class RoutingWorld {
  static final QueueId SUPPORT = QueueId.of("support");
  static final List<ChannelType> CHANNELS =
      List.of(ChannelType.FACEBOOK_MESSENGER, ChannelType.WHATSAPP);

  final RoutingFixture f;
  final List<AgentId> agents;
  final Map<QueueId, List<AgentId>> members = new LinkedHashMap<>();
  final String description;
  /** Every interaction opened, with its channel. */
  final Map<InteractionId, ChannelType> channel = new LinkedHashMap<>();
  private final Map<InteractionId, Set<AgentId>> excluded = new HashMap<>();
  private final Map<InteractionId, Long> entry = new HashMap<>();
  private final Map<InteractionId, AgentId> owner = new HashMap<>();
  private final Map<OfferId, OfferCreated> created = new LinkedHashMap<>();
  private final Map<OfferId, Offer> endedSeen = new HashMap<>();
  private final Set<OfferId> endEvents = new HashSet<>();
  /** Assigned work above a lowered capacity, allowed until it drops (capacity never takes work away). */
  private final Map<AgentId, int[]> grandfathered = new HashMap<>();
  private final Map<AgentId, int[]> lastCapacity = new HashMap<>();
  private int seen;
  private long entries;
  private int customers;
  private Map<QueueId, List<InteractionId>> waitingBefore = Map.of();
  final List<String> violations = new ArrayList<>();

  RoutingWorld(RoutingStrategy strategy, boolean requeue, int capacity, boolean reroute) {
    description = strategy + (requeue ? "/REQUEUE" : "/KEEP") + "/cap" + capacity
        + (reroute ? "/reroute-60s" : "");
    // A day-long back-off never passes within a sequence, so declined agents stay excluded.
    RoutingOptions options = RoutingOptions.defaults().withRandomSeed(7)
        .withRejectBackoff(Duration.ofDays(1))
        .withOfflineAssignments(requeue ? OfflineAssignments.REQUEUE : OfflineAssignments.KEEP);
    // Sequences advance the clock by 10 or 30 s at a time, so a minute passes within many of them.
    f = new RoutingFixture(reroute ? options.withRerouteUnanswered(Duration.ofMinutes(1)) : options);
    agents = f.agents(capacity, "a0", "a1", "a2", "a3");
    members.put(RoutingFixture.SALES, agents.subList(0, 3));
    members.put(SUPPORT, agents.subList(2, 4));
    f.oc.queues().create(Queue.of(SUPPORT, "support", agents.subList(2, 4).stream()
        .map(QueueMember::of).toList()).withStrategy(strategy));
    f.queue(RoutingFixture.SALES, strategy, agents.subList(0, 3));
    agents.forEach(a -> {
      grandfathered.put(a, new int[ChannelType.values().length]);
      lastCapacity.put(a, new int[ChannelType.values().length]);
    });
  }

  // ---- actions (each tolerates "nothing to act on")

  void inbound(boolean whatsApp) {
    AccountId account = whatsApp ? RoutingFixture.WA : RoutingFixture.FB;
    InteractionId id = f.customerWrites(account, "c" + (++customers), "hello " + customers);
    channel.put(id, whatsApp ? ChannelType.WHATSAPP : ChannelType.FACEBOOK_MESSENGER);
  }

  List<Offer> pending() {
    List<Offer> all = new ArrayList<>();
    agents.forEach(a -> all.addAll(f.offers(a)));
    return all;
  }

  List<InteractionId> open() {
    return channel.keySet().stream().filter(id -> f.oc.interactions().get(id).isOpen()).toList();
  }

  List<InteractionId> assigned() {
    return open().stream().filter(id -> f.oc.interactions().get(id).owner().isPresent()).toList();
  }

  Optional<Offer> ended(int n) {
    List<Offer> list = new ArrayList<>(endedSeen.values());
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(n % list.size()));
  }

  int events() {
    return f.events.size();
  }

  // ---- the model, fed by events

  /** Reads the new events, then checks every invariant. */
  void check() {
    List<OfferCreated> newOffers = new ArrayList<>();
    List<OpenChannelEvent> events = f.events;
    for (; seen < events.size(); seen++) {
      OpenChannelEvent e = events.get(seen);
      if (e instanceof InteractionQueued q) {
        entry.put(q.interaction(), ++entries);
        AgentId previous = owner.remove(q.interaction()); // requeued, or transferred
        if (q.cause() == InteractionQueued.Cause.UNANSWERED && previous != null) {
          // The agent who did not answer comes last, like one who declined.
          excluded.computeIfAbsent(q.interaction(), k -> new HashSet<>()).add(previous);
        }
      } else if (e instanceof OfferCreated o) {
        created.put(o.offer(), o);
        if (o.transferredBy().isEmpty()) {
          newOffers.add(o);
        }
      } else if (e instanceof OfferAccepted a) {
        ended(a.offer());
        if (owner.containsKey(a.interaction())) {
          violations.add(a.interaction() + " accepted by " + a.agent() + " while owned by "
              + owner.get(a.interaction()));
        }
        owner.put(a.interaction(), a.agent());
        excluded.remove(a.interaction());
      } else if (e instanceof OfferRejected r) {
        ended(r.offer());
        excluded.computeIfAbsent(r.interaction(), k -> new HashSet<>()).add(r.agent());
      } else if (e instanceof OfferTimedOut t) {
        ended(t.offer());
        excluded.computeIfAbsent(t.interaction(), k -> new HashSet<>()).add(t.agent());
      } else if (e instanceof OfferRescinded r) {
        ended(r.offer());
      } else if (e instanceof InteractionTransferred t) {
        owner.remove(t.interaction());
        excluded.computeIfAbsent(t.interaction(), k -> new HashSet<>()).add(t.by());
      } else if (e instanceof io.openchannel.event.InteractionClosed c) {
        owner.remove(c.interaction());
      }
    }
    checkInteractions();
    checkOffers();
    checkCapacityAndWorkConserving();
    checkFifo(newOffers);
    assertThat(((io.openchannel.internal.engine.Engine) f.oc).routingViolations()).isEmpty();
    assertThat(violations).isEmpty();
  }

  private void ended(OfferId offer) {
    if (!endEvents.add(offer)) {
      violations.add("offer " + offer + " ended twice");
    }
  }

  private void checkInteractions() {
    Map<InteractionId, Integer> waitingCount = new HashMap<>();
    for (QueueId q : members.keySet()) {
      f.oc.routing().waiting(q).forEach(id -> waitingCount.merge(id, 1, Integer::sum));
    }
    Set<InteractionId> offered = new HashSet<>();
    pending().forEach(o -> offered.add(o.interaction()));
    for (InteractionId id : channel.keySet()) {
      Interaction i = f.oc.interactions().get(id);
      RoutingState state = f.oc.routing().state(id).orElseThrow();
      int places = (i.owner().isPresent() && i.isOpen() ? 1 : 0) + waitingCount.getOrDefault(id, 0)
          + (offered.contains(id) ? 1 : 0);
      RoutingState expected = !i.isOpen() ? RoutingState.CLOSED : i.owner().isPresent()
          ? RoutingState.ASSIGNED : offered.contains(id) ? RoutingState.OFFERING : RoutingState.QUEUED;
      if (state != expected || (i.isOpen() ? places != 1 : places != 0)) {
        violations.add(id + " is " + state + " (expected " + expected + ") in " + places + " places");
      }
      if (i.isOpen() && !i.owner().equals(Optional.ofNullable(owner.get(id)))) {
        violations.add(id + " is owned by " + i.owner() + " but the events say " + owner.get(id));
      }
    }
  }

  private void checkOffers() {
    Set<OfferId> livePending = new HashSet<>();
    pending().forEach(o -> livePending.add(o.id()));
    for (OfferId id : created.keySet()) {
      Offer now = f.oc.routing().offer(id).orElseThrow();
      if (now.isPending() != livePending.contains(id) || now.isPending() == endEvents.contains(id)) {
        violations.add("offer " + id + " is " + now.state() + " but listed pending: "
            + livePending.contains(id) + ", ended event: " + endEvents.contains(id));
      }
      if (!now.isPending()) {
        Offer before = endedSeen.putIfAbsent(id, now);
        if (before != null && !before.equals(now)) {
          violations.add("ended offer " + id + " changed from " + before + " to " + now);
        }
      }
    }
  }

  private void checkCapacityAndWorkConserving() {
    Map<AgentId, Agent> stored = new HashMap<>();
    agents.forEach(a -> stored.put(a, f.oc.agents().get(a)));
    Map<AgentId, int[]> assignedNow = new HashMap<>();
    Map<AgentId, int[]> pendingNow = new HashMap<>();
    agents.forEach(a -> {
      assignedNow.put(a, new int[ChannelType.values().length]);
      pendingNow.put(a, new int[ChannelType.values().length]);
    });
    for (InteractionId id : open()) {
      f.oc.interactions().get(id).owner().ifPresent(o -> assignedNow.get(o)[channel.get(id).ordinal()]++);
    }
    pending().forEach(o -> pendingNow.get(o.agent())[channel.get(o.interaction()).ordinal()]++);
    for (AgentId a : agents) {
      for (ChannelType c : CHANNELS) {
        int cap = stored.get(a).capacityFor(c);
        int n = assignedNow.get(a)[c.ordinal()];
        int k = pendingNow.get(a)[c.ordinal()];
        int[] old = grandfathered.get(a);
        int[] lastCap = lastCapacity.get(a);
        old[c.ordinal()] = cap < lastCap[c.ordinal()] ? n : Math.min(old[c.ordinal()], n);
        lastCap[c.ordinal()] = cap;
        if (k > 0 ? n + k > cap : n > Math.max(cap, old[c.ordinal()])) {
          violations.add(a + " is over capacity on " + c + ": " + n + " assigned + " + k
              + " offered > " + cap);
        }
      }
    }
    for (Map.Entry<QueueId, List<AgentId>> q : members.entrySet()) {
      for (InteractionId id : f.oc.routing().waiting(q.getKey())) {
        ChannelType c = channel.get(id);
        for (AgentId a : q.getValue()) {
          boolean idle = stored.get(a).presence() == Presence.AVAILABLE
              && assignedNow.get(a)[c.ordinal()] + pendingNow.get(a)[c.ordinal()]
                  < stored.get(a).capacityFor(c);
          if (idle && !excluded.getOrDefault(id, Set.of()).contains(a)) {
            violations.add(id + " waits in " + q.getKey() + " while " + a + " could take it");
          }
        }
      }
    }
  }

  /** Waiting lists are in entry order; new offers never skip older work the agent could take. */
  private void checkFifo(List<OfferCreated> newOffers) {
    Map<QueueId, List<InteractionId>> waitingNow = new HashMap<>();
    for (QueueId q : members.keySet()) {
      List<InteractionId> list = f.oc.routing().waiting(q);
      waitingNow.put(q, list);
      for (int i = 1; i < list.size(); i++) {
        if (entry.get(list.get(i - 1)) > entry.get(list.get(i))) {
          violations.add("waiting list of " + q + " is out of entry order: " + list);
        }
      }
    }
    for (OfferCreated o : newOffers) {
      for (InteractionId y : waitingNow.get(o.queue())) {
        boolean older = entry.get(y) < entry.get(o.interaction());
        boolean waitedThroughout = waitingBefore.getOrDefault(o.queue(), List.of()).contains(y);
        if (older && waitedThroughout && channel.get(y) == o.channel()
            && !excluded.getOrDefault(y, Set.of()).contains(o.agent())) {
          violations.add(o.agent() + " was offered " + o.interaction() + " before older " + y);
        }
      }
    }
    waitingBefore = waitingNow;
  }

  @Override
  public String toString() {
    return description;
  }
}
