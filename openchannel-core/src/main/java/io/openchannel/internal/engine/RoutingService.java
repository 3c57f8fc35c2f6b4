package io.openchannel.internal.engine;

import io.openchannel.NotFoundException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.internal.routing.Effects;
import io.openchannel.internal.routing.Router;
import io.openchannel.internal.routing.RouterQueries;
import io.openchannel.internal.routing.RouterTimers;
import io.openchannel.internal.routing.RouterTransfers;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.Routing;
import io.openchannel.routing.RoutingState;
import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs routing steps with the engine's locks and store: every step that also writes the store
 * (accept, close, transfer, presence) takes the conversation's (or agent's) stripe, then the
 * router lock, then the store transaction; steps that only touch routing (reject, timers) take
 * the router lock alone. Work the router asks for afterwards (auto-pause, requeue) runs as steps
 * of its own, after the locks are released.
 */
final class RoutingService implements Routing, RouterTimers {
  private final Engine engine;
  final Router router;
  final RouterQueries queries;
  private final RouterTransfers transfers;

  RoutingService(Engine engine) {
    this.engine = engine;
    this.router = new Router(engine.config.clock(), this, engine.config.routing(), engine.ids::next);
    this.queries = new RouterQueries(router);
    this.transfers = new RouterTransfers(router);
  }

  /** Routing shared through the store, or null when routing lives in this engine alone. */
  ClusterRouting cluster() {
    return engine.clusterRouting;
  }

  /** The store-first routing commands, or null when routing lives in this engine alone. */
  LedgerCommands ledger() {
    return engine.ledgerCommands;
  }

  /** A store write plus the routing change it implies, atomically, then the follow-ups. */
  <T> T write(String lockKey, boolean routerDuringWork, Function<Transactions.Work, T> work,
      BiConsumer<T, Effects> afterCommit) {
    RoutingChange<T> change = new RoutingChange<>(engine.clusterRouting, afterCommit);
    T result = engine.transactions.writeRouted(lockKey, router.lock(), routerDuringWork, work,
        change);
    followUp(change.fx);
    return result;
  }

  /**
   * The routing change of a {@link #write}, keeping the effects it made for the follow-ups: one
   * object per write, where a lambda and an array to carry the effects out of it were two.
   */
  private static final class RoutingChange<T>
      implements BiConsumer<T, List<io.openchannel.event.OpenChannelEvent>> {
    private final ClusterRouting cluster;
    private final BiConsumer<T, Effects> afterCommit;
    Effects fx;

    RoutingChange(ClusterRouting cluster, BiConsumer<T, Effects> afterCommit) {
      this.cluster = cluster;
      this.afterCommit = afterCommit;
    }

    @Override
    public void accept(T result, List<io.openchannel.event.OpenChannelEvent> events) {
      Effects made = new Effects(events);
      fx = made;
      if (cluster == null) {
        afterCommit.accept(result, made);
      } else {
        cluster.routed(events, () -> afterCommit.accept(result, made));
      }
    }
  }

  /** {@link #write} of work on several conversations at once (a batch of inbound messages). */
  <T> T writeAll(java.util.Collection<String> lockKeys, Function<Transactions.Work, T> work,
      BiConsumer<T, Effects> afterCommit) {
    Effects[] fx = new Effects[1];
    T result = engine.transactions.writeRouted(lockKeys, router.lock(), false, work,
        (r, events) -> {
          fx[0] = new Effects(events);
          afterCommit.accept(r, fx[0]);
        });
    followUp(fx[0]);
    return result;
  }

  /** A routing-only step. */
  <T> T step(Function<Effects, T> step) {
    Effects[] fx = new Effects[1];
    Object[] result = new Object[1];
    ClusterRouting cluster = engine.clusterRouting;
    engine.transactions.routed(router.lock(), events -> {
      fx[0] = new Effects(events);
      if (cluster == null) {
        result[0] = step.apply(fx[0]);
      } else {
        cluster.routed(events, () -> result[0] = step.apply(fx[0]));
      }
    });
    followUp(fx[0]);
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }

  /** A read of routing state. */
  <T> T read(Supplier<T> read) {
    router.lock().lock();
    try {
      return read.get();
    } finally {
      router.lock().unlock();
    }
  }

  /** Runs what a router step asked for afterwards (auto-pause, requeue); call without locks. */
  void followUp(Effects fx) {
    if (fx == null || !fx.hasFollowUps()) {
      return;
    }
    for (AgentId agent : fx.autoPauses()) {
      write("agent:" + agent, true, work -> {
        Agent a = Engine.requireAgent(work, agent);
        if (!router.shouldAutoPause(agent)) {
          return null;
        }
        Agent paused = work.tx().agents().update(a.withPresence(Presence.PAUSED));
        if (engine.ledgerCommands != null) {
          engine.ledgerCommands.agentChangedIn(work, a, paused, true);
        }
        return paused;
      }, (a, next) -> {
        if (a != null) {
          router.putAgent(a, true, next);
        }
      });
    }
    for (Effects.Requeue r : fx.requeues()) {
      write(engine.lockKey(r.interaction()), true, work -> {
        Interaction i = Engine.requireInteraction(work, r.interaction());
        if (!i.isOpen() || !router.canRequeue(i.id(), r.agent(), r.cause())
            || r.assignedAt().filter(since -> answeredSince(work, i, r.agent(), since)).isPresent()) {
          return null; // closed, the agent came back, or answered, meanwhile
        }
        return work.tx().interactions().update(i.withoutOwner());
      }, (i, next) -> {
        if (i != null) {
          router.requeue(i.id(), r.cause(), next);
        }
      });
    }
  }

  /**
   * Whether {@code agent} sent the customer a message (not a note) since {@code since}; read in
   * the requeue's own transaction, under the conversation's lock, so a reply that committed just
   * before is seen.
   */
  private static boolean answeredSince(Transactions.Work work, Interaction i, AgentId agent,
      java.time.Instant since) {
    for (io.openchannel.message.Message m : work.tx().messages().listByInteraction(i.id())) {
      if (m.author().equals(java.util.Optional.of(agent)) && m.deliveryStatus().isPresent()
          && !m.createdAt().isBefore(since)) {
        return true;
      }
    }
    return false;
  }

  /** What routing needs to know of an interaction. */
  static RoutingInfo infoOf(Transactions.Work work, Interaction i) {
    Account account = Engine.requireAccount(work, i.account());
    String name = work.tx().contacts().find(i.contact()).map(c -> c.displayName()).orElse("");
    return new RoutingInfo(i.id(), account.id(), account.type(), account.settings().queue(), name,
        i.lastMessage().map(LastMessage::preview).orElse(""));
  }

  @Override
  public Agent setPresence(AgentId agent, Presence presence) {
    Checks.notNull(agent, "agent");
    Checks.notNull(presence, "presence");
    return updateAgent(agent, a -> a.withPresence(presence));
  }

  @Override
  public Agent setCapacity(AgentId agent, ChannelType channel, int capacity) {
    Checks.notNull(agent, "agent");
    Checks.notNull(channel, "channel");
    Checks.notNegative(capacity, "capacity");
    return updateAgent(agent, a -> {
      EnumMap<ChannelType, Integer> caps = new EnumMap<>(ChannelType.class);
      caps.putAll(a.capacity());
      caps.put(channel, capacity);
      return a.withCapacity(caps);
    });
  }

  private Agent updateAgent(AgentId id, java.util.function.UnaryOperator<Agent> change) {
    return write("agent:" + id, true, work -> {
      Agent current = Engine.requireAgent(work, id);
      Agent next = change.apply(current);
      if (next.equals(current)) {
        return current;
      }
      Agent stored = work.tx().agents().update(next);
      if (engine.ledgerCommands != null) {
        engine.ledgerCommands.agentChangedIn(work, current, stored, false);
      }
      return stored;
    }, (a, fx) -> router.putAgent(a, false, fx));
  }

  @Override
  public Interaction accept(OfferId offer) {
    Checks.notNull(offer, "offer");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.accept(offer);
    }
    InteractionId x;
    router.lock().lock(); // not read(...): its supplier would capture the offer
    try {
      x = router.interactionOf(offer);
    } finally {
      router.lock().unlock();
    }
    return write(engine.lockKey(x), true, work -> {
      Offer o = router.requirePending(offer);
      // The router offers only to agents it mirrors, and agents are never deleted: no store read.
      return engine.assignIn(work, Engine.requireInteraction(work, x), o.agent());
    }, (i, fx) -> router.accept(offer, fx));
  }

  @Override
  public Offer reject(OfferId offer) {
    Checks.notNull(offer, "offer");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.reject(offer);
    }
    return step(fx -> router.reject(offer, fx));
  }

  @Override
  public Interaction transferToQueue(InteractionId interaction, QueueId queue, AgentId by) {
    Checks.notNull(queue, "queue");
    if (engine.ledgerCommands != null) {
      Checks.notNull(interaction, "interaction");
      Checks.notNull(by, "by");
      return engine.ledgerCommands.transfer(interaction, by, Optional.of(queue), Optional.empty())
          .interaction();
    }
    Transfer t = transfer(interaction, by, Optional.of(queue), Optional.empty());
    return t.interaction();
  }

  @Override
  public Offer transferToAgent(InteractionId interaction, AgentId to, AgentId by) {
    Checks.notNull(to, "to");
    if (engine.ledgerCommands != null) {
      Checks.notNull(interaction, "interaction");
      Checks.notNull(by, "by");
      return engine.ledgerCommands.transfer(interaction, by, Optional.empty(), Optional.of(to))
          .offer().orElseThrow();
    }
    return transfer(interaction, by, Optional.empty(), Optional.of(to)).offer()[0];
  }

  private record Transfer(Interaction interaction, RoutingInfo info, Agent by, Offer[] offer) {}

  private Transfer transfer(InteractionId interaction, AgentId by, Optional<QueueId> toQueue,
      Optional<AgentId> toAgent) {
    Checks.notNull(interaction, "interaction");
    Checks.notNull(by, "by");
    return write(engine.lockKey(interaction), true, work -> {
      Interaction i = Engine.requireInteraction(work, interaction);
      Agent agent = Engine.requireAgent(work, by);
      toAgent.ifPresent(to -> Engine.requireAgent(work, to));
      TransferRules.check(work, i, agent);
      RoutingInfo info = infoOf(work, i);
      transfers.checkTransfer(info, by, toQueue, toAgent);
      Interaction moved = work.tx().interactions().update(i.withoutOwner());
      return new Transfer(moved, info, agent, new Offer[1]);
    }, (t, fx) -> {
      if (toQueue.isPresent()) {
        transfers.transferToQueue(t.info(), t.by(), toQueue.get(), fx);
      } else {
        t.offer()[0] = transfers.transferToAgent(t.info(), t.by(), toAgent.get(), fx);
      }
    });
  }

  @Override
  public List<Offer> pendingOffers(AgentId agent) {
    Checks.notNull(agent, "agent");
    engine.agents().get(agent);
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.pendingOffers(agent);
    }
    return read(() -> queries.pendingOffers(agent));
  }

  @Override
  public Optional<Offer> offer(OfferId offer) {
    Checks.notNull(offer, "offer");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.offer(offer);
    }
    return read(() -> queries.offer(offer));
  }

  @Override
  public Optional<RoutingState> state(InteractionId interaction) {
    Checks.notNull(interaction, "interaction");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.state(interaction);
    }
    Optional<RoutingState> state = read(() -> queries.state(interaction));
    if (state.isPresent()) {
      return state;
    }
    Interaction i = engine.interactions().get(interaction);
    return i.isOpen() ? Optional.empty() : Optional.of(RoutingState.CLOSED);
  }

  @Override
  public List<InteractionId> waiting(QueueId queue) {
    Checks.notNull(queue, "queue");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.waiting(queue);
    }
    return read(() -> queries.waiting(queue)).orElseThrow(() -> new NotFoundException("no queue "
        + queue + "; create it with queues().create(...)"));
  }

  /** Another engine's logged events, once this engine's listeners heard them. */
  void heard(List<io.openchannel.event.OpenChannelEvent> foreign) {
    ClusterRouting cluster = engine.clusterRouting;
    if (cluster != null) {
      cluster.heard(foreign);
    }
  }

  // Timers: each fires a routing-only step; a stale one does nothing.

  @Override
  public Scheduler.Cancellable offerTimeout(OfferId offer, Duration after) {
    return engine.config.scheduler().schedule(after, () -> step(fx -> {
      router.timeout(offer, fx);
      return null;
    }));
  }

  @Override
  public Scheduler.Cancellable maxWait(InteractionId interaction, long generation, Duration after) {
    return engine.config.scheduler().schedule(after, () -> step(fx -> {
      router.maxWaitPassed(interaction, generation, fx);
      return null;
    }));
  }

  @Override
  public Scheduler.Cancellable unanswered(InteractionId interaction, long token, Duration after) {
    return engine.config.scheduler().schedule(after, () -> step(fx -> {
      router.unansweredPassed(interaction, token, fx);
      return null;
    }));
  }

  @Override
  public Scheduler.Cancellable backoff(InteractionId interaction, long token, Duration after) {
    return engine.config.scheduler().schedule(after, () -> step(fx -> {
      router.backoffPassed(interaction, token, fx);
      return null;
    }));
  }
}
