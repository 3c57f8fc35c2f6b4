package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.routing.AgentPool.PoolKey;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The router's view of one queue: its settings, its members, per channel the pool of eligible
 * members and the waiting work (ordered by entry, so FIFO). Guarded by the router lock.
 */
final class QueueState {
  Queue config;
  final List<AgentState> members = new ArrayList<>();
  private final Map<AgentState, Integer> position = new HashMap<>();
  private final EnumMap<ChannelType, AgentPool> pools = new EnumMap<>(ChannelType.class);
  final EnumMap<ChannelType, TreeMap<Long, Routed>> waiting = new EnumMap<>(ChannelType.class);
  /** Round robin's memory: the member position last offered work; -1 before the first. */
  int lastPicked = -1;
  private final Random random;

  QueueState(Queue config, List<AgentState> members, Random random) {
    this.random = random;
    reconfigure(config, members);
  }

  /** New settings or members: the pools are rebuilt, waiting work stays in order. */
  void reconfigure(Queue newConfig, List<AgentState> newMembers) {
    this.config = newConfig;
    members.clear();
    position.clear();
    members.addAll(newMembers);
    for (int i = 0; i < members.size(); i++) {
      position.put(members.get(i), i);
    }
    pools.clear();
    lastPicked = -1;
  }

  RoutingStrategy strategy() {
    return config.strategy();
  }

  int priority() {
    return config.priority();
  }

  boolean skilled(AgentState a) {
    // Most queues require no skill; containsAll would still allocate an iterator over the empty
    // set, and this runs for each of an agent's queues on every offer, accept and close.
    java.util.Set<String> required = config.requiredSkills();
    return required.isEmpty() || a.skills.containsAll(required);
  }

  /** Whether the member may be offered this queue's work on {@code c} now (exclusions aside). */
  boolean eligible(AgentState a, ChannelType c) {
    return a.available() && a.hasRoom(c) && skilled(a);
  }

  int positionOf(AgentState a) {
    return position.get(a);
  }

  /** The pool for a channel, built from the members on first use. */
  AgentPool pool(ChannelType c) {
    AgentPool pool = pools.get(c);
    if (pool == null) {
      pool = strategy() == RoutingStrategy.RANDOM ? new RandomPool(random) : new OrderedPool();
      pools.put(c, pool);
      for (AgentState a : members) {
        if (eligible(a, c)) {
          pool.put(a, key(a));
        }
      }
    }
    return pool;
  }

  /** Puts the member in or out of each pool, at the position their state gives them. */
  void refresh(AgentState a) {
    // By key, not entrySet(): EnumMap's entry iterator allocates an entry per step, and this
    // runs for each of an agent's queues on every offer, accept and close.
    for (ChannelType c : pools.keySet()) {
      AgentPool pool = pools.get(c);
      if (eligible(a, c)) {
        pool.put(a, key(a));
      } else {
        pool.remove(a);
      }
    }
  }

  /** Where the pool starts looking: after the last pick for round robin, else at the front. */
  PoolKey startAfter() {
    return strategy() == RoutingStrategy.ROUND_ROBIN && lastPicked >= 0
        ? new PoolKey(0, 0, lastPicked) : null;
  }

  private PoolKey key(AgentState a) {
    int member = position.get(a);
    switch (strategy()) {
      case LINEAR:
        return new PoolKey(penaltyOf(member), 0, member);
      case LEAST_RECENT:
        return new PoolKey(a.lastAssigned, 0, member);
      case FEWEST_INTERACTIONS:
        return new PoolKey(a.totalLoad(), a.lastAssigned, member);
      default:
        return new PoolKey(0, 0, member);
    }
  }

  private long penaltyOf(int member) {
    QueueMember m = config.members().get(member);
    return m.penalty();
  }

  TreeMap<Long, Routed> waitingFor(ChannelType c) {
    return waiting.computeIfAbsent(c, k -> new TreeMap<>());
  }

  /** The pools built so far (for the invariant check). */
  Map<ChannelType, AgentPool> pools() {
    return pools;
  }
}
