package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.internal.routing.RouterLoader;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.store.WaitingEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the routing state of the store for a router to load ({@link RouterLoader}), tidying what
 * other engines' changes left behind in the same transaction: offers of interactions that were
 * closed or taken, offers to agents no longer available or over their capacity (rescinded, with
 * their events), queue entries of interactions that are closed or owned (removed), and pending
 * offers without an entry (a transfer to an agent made elsewhere: given one).
 */
final class RoutingSnapshot {
  private final RoutingLedger ledger;
  private final StoreTransaction tx;
  private final Instant now;
  private final List<OpenChannelEvent> events;
  private final Map<AccountId, Account> accounts = new HashMap<>();

  private RoutingSnapshot(RoutingLedger ledger, StoreTransaction tx, Instant now,
      List<OpenChannelEvent> events) {
    this.ledger = ledger;
    this.tx = tx;
    this.now = now;
    this.events = events;
  }

  /** Reads (and tidies) the state; the rescinds it made are added to {@code events}. */
  static RouterLoader.Snapshot read(RoutingLedger ledger, StoreTransaction tx, Instant now,
      List<OpenChannelEvent> events) {
    return new RoutingSnapshot(ledger, tx, now, events).read();
  }

  private RouterLoader.Snapshot read() {
    List<Agent> agents = tx.agents().list();
    Map<AgentId, Agent> agentsById = new HashMap<>();
    agents.forEach(a -> agentsById.put(a.id(), a));
    List<Queue> queues = ledger.queues(tx);
    Map<QueueId, Queue> queuesById = new HashMap<>();
    queues.forEach(q -> queuesById.put(q.id(), q));
    Map<InteractionId, List<Offer>> pending = new HashMap<>();
    for (Offer o : ledger.pendingOffers(tx)) {
      pending.computeIfAbsent(o.interaction(), k -> new ArrayList<>()).add(o);
    }
    Map<InteractionId, WaitingEntry> entries = new HashMap<>();
    ledger.waiting(tx).forEach(e -> entries.put(e.interaction(), e));

    List<RouterLoader.Owned> owned = new ArrayList<>();
    List<Interaction> unowned = new ArrayList<>();
    Map<AgentId, int[]> load = new HashMap<>();
    Map<InteractionId, RoutingInfo> infos = new HashMap<>();
    for (InteractionId id : ledger.openInteractions(tx)) {
      Optional<Interaction> found = tx.interactions().find(id);
      if (found.isEmpty()) {
        continue;
      }
      Interaction i = found.get();
      RoutingInfo info = info(i);
      infos.put(id, info);
      if (i.owner().isPresent() && agentsById.containsKey(i.owner().get())) {
        owned.add(new RouterLoader.Owned(info, i.owner().get()));
        load.computeIfAbsent(i.owner().get(), k -> new int[ChannelType.values().length])
            [info.channel().ordinal()]++;
        rescindAll(pending.remove(id), RescindReason.TAKEN_BY_OTHER_AGENT);
        if (entries.remove(id) != null) {
          ledger.removeWaiting(tx, id);
        }
      } else {
        unowned.add(i);
      }
    }
    List<RouterLoader.Waiting> waiting = new ArrayList<>();
    List<RoutingInfo> unrouted = new ArrayList<>();
    for (Interaction i : unowned) {
      RoutingInfo info = infos.get(i.id());
      List<Offer> live = new ArrayList<>();
      for (Offer o : pending.getOrDefault(i.id(), List.of())) {
        Agent a = agentsById.get(o.agent());
        int[] l = load.computeIfAbsent(o.agent(), k -> new int[ChannelType.values().length]);
        int c = info.channel().ordinal();
        if (a == null || a.presence() != Presence.AVAILABLE || l[c] >= a.capacityFor(info.channel())) {
          rescind(o, RescindReason.AGENT_UNAVAILABLE);
        } else {
          l[c]++;
          live.add(o);
        }
      }
      pending.remove(i.id());
      WaitingEntry entry = entries.remove(i.id());
      if (entry == null && !live.isEmpty()) {
        Offer first = live.get(0);
        Queue q = queuesById.get(first.queue());
        entry = new WaitingEntry(i.id(), first.queue(), q == null ? 0 : q.priority(),
            first.createdAt());
        ledger.putWaiting(tx, entry);
      }
      if (entry != null && queuesById.containsKey(entry.queue())) {
        waiting.add(new RouterLoader.Waiting(info, entry.queue(), entry.enqueuedAt(), live,
            excluded(i.id(), entry.enqueuedAt())));
      } else if (entry == null && info.accountQueue().filter(queuesById::containsKey).isPresent()) {
        unrouted.add(info);
      } else {
        rescindAll(live, RescindReason.AGENT_UNAVAILABLE); // its queue is gone: the host assigns
      }
    }
    // What is left belongs to closed interactions.
    pending.values().forEach(offers -> rescindAll(offers, RescindReason.INTERACTION_CLOSED));
    entries.keySet().forEach(id -> ledger.removeWaiting(tx, id));
    waiting.sort(Comparator.comparing(RouterLoader.Waiting::enqueuedAt));
    return new RouterLoader.Snapshot(agents, queues, waiting, owned, unrouted);
  }

  /** Agents who rejected it or let it time out since it entered its queue (S6). */
  private Set<AgentId> excluded(InteractionId id, Instant since) {
    Set<AgentId> out = new LinkedHashSet<>();
    for (Offer o : ledger.offersFor(tx, id)) {
      if ((o.state() == OfferState.REJECTED || o.state() == OfferState.TIMED_OUT)
          && !o.createdAt().isBefore(since)) {
        out.add(o.agent());
      }
    }
    return out;
  }

  private void rescindAll(List<Offer> offers, RescindReason reason) {
    if (offers != null) {
      offers.forEach(o -> rescind(o, reason));
    }
  }

  private void rescind(Offer o, RescindReason reason) {
    if (ledger.endOffer(tx, o.id(), OfferState.RESCINDED, Optional.of(reason), now)) {
      events.add(new OfferRescinded(now, o.id(), o.interaction(), o.agent(), reason));
    }
  }

  private RoutingInfo info(Interaction i) {
    Account account = accounts.computeIfAbsent(i.account(),
        id -> tx.accounts().find(id).orElseThrow());
    return info(tx, i, account);
  }

  /** What routing needs to know of an interaction, read through {@code tx}. */
  static RoutingInfo info(StoreTransaction tx, Interaction i) {
    return info(tx, i, tx.accounts().find(i.account()).orElseThrow());
  }

  private static RoutingInfo info(StoreTransaction tx, Interaction i, Account account) {
    String name = tx.contacts().find(i.contact()).map(c -> c.displayName()).orElse("");
    return new RoutingInfo(i.id(), account.id(), account.type(), account.settings().queue(), name,
        i.lastMessage().map(LastMessage::preview).orElse(""));
  }
}
