package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.routing.AgentPool.PoolKey;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import java.util.ArrayList;
import java.util.EnumMap;
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
  /** Per channel ordinal, the pool once built (arrays: no map lookups or iterators per refresh). */
  private final AgentPool[] pools = new AgentPool[AgentState.CHANNELS];
  /** Per channel ordinal, the waiting work by entry order, once something waited. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
  private final TreeMap<Long, Routed>[] waiting = new TreeMap[AgentState.CHANNELS];
  /** How much work waits, over all channels: a freed agent skips the queue when none. */
  private int waitingCount;
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
    for (AgentState a : members) {
      a.leave(this);
    }
    members.clear();
    members.addAll(newMembers);
    for (int i = 0; i < members.size(); i++) {
      members.get(i).join(this, i);
    }
    java.util.Arrays.fill(pools, null);
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
    return a.positionIn(this);
  }

  /** The pool for a channel, built from the members on first use. */
  AgentPool pool(ChannelType c) {
    AgentPool pool = pools[c.ordinal()];
    if (pool == null) {
      pool = strategy() == RoutingStrategy.RANDOM ? new RandomPool(random)
          : members.size() <= SmallOrderedPool.MAX_MEMBERS ? new SmallOrderedPool(members.size())
          : new OrderedPool(members.size());
      pools[c.ordinal()] = pool;
      for (int i = 0; i < members.size(); i++) {
        AgentState a = members.get(i);
        if (eligible(a, c)) {
          putIn(pool, a, i);
        }
      }
    }
    return pool;
  }

  /**
   * Puts member {@code position} in or out of each pool, at the place their state gives them.
   * Runs for each of an agent's queues on every offer, accept and close.
   */
  void refresh(AgentState a, int position) {
    for (int c = 0; c < pools.length; c++) {
      AgentPool pool = pools[c];
      if (pool == null) {
        continue;
      }
      if (eligible(a, CHANNEL_TYPES[c])) {
        putIn(pool, a, position);
      } else {
        pool.remove(a, position);
      }
    }
  }

  private static final ChannelType[] CHANNEL_TYPES = ChannelType.values();

  /** Where the pool starts looking: after the last pick for round robin, else at the front. */
  PoolKey startAfter() {
    return strategy() == RoutingStrategy.ROUND_ROBIN && lastPicked >= 0
        ? new PoolKey(0, 0, lastPicked) : null;
  }

  /** Puts the member in the pool at the place the strategy gives them. */
  private void putIn(AgentPool pool, AgentState a, int member) {
    switch (strategy()) {
      case LINEAR:
        pool.put(a, penaltyOf(member), 0, member);
        break;
      case LEAST_RECENT:
        pool.put(a, a.lastAssigned, 0, member);
        break;
      case FEWEST_INTERACTIONS:
        pool.put(a, a.totalLoad(), a.lastAssigned, member);
        break;
      default:
        pool.put(a, 0, 0, member);
    }
  }

  private long penaltyOf(int member) {
    QueueMember m = config.members().get(member);
    return m.penalty();
  }

  /** The work waiting on channel {@code c}, oldest first; null if none ever waited. */
  TreeMap<Long, Routed> waitingOn(int channel) {
    return waiting[channel];
  }

  boolean hasWaiting() {
    return waitingCount > 0;
  }

  void addWaiting(Routed x) {
    int c = x.info.channel().ordinal();
    if (waiting[c] == null) {
      waiting[c] = new TreeMap<>();
    }
    if (waiting[c].put(x.seq, x) == null) {
      waitingCount++;
    }
  }

  void removeWaiting(Routed x) {
    TreeMap<Long, Routed> on = waiting[x.info.channel().ordinal()];
    if (on != null && on.remove(x.seq) != null) {
      waitingCount--;
    }
  }

  /** The pools built so far, by channel (for the invariant check; slow). */
  Map<ChannelType, AgentPool> pools() {
    EnumMap<ChannelType, AgentPool> out = new EnumMap<>(ChannelType.class);
    for (int c = 0; c < pools.length; c++) {
      if (pools[c] != null) {
        out.put(CHANNEL_TYPES[c], pools[c]);
      }
    }
    return out;
  }

  /** The waiting work by channel (for queries and the invariant check; slow). */
  Map<ChannelType, TreeMap<Long, Routed>> waiting() {
    EnumMap<ChannelType, TreeMap<Long, Routed>> out = new EnumMap<>(ChannelType.class);
    for (int c = 0; c < waiting.length; c++) {
      if (waiting[c] != null) {
        out.put(CHANNEL_TYPES[c], waiting[c]);
      }
    }
    return out;
  }
}
