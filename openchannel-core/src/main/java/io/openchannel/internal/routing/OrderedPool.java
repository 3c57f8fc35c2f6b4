package io.openchannel.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/** An {@link AgentPool} ordered by key: every strategy but RANDOM. */
final class OrderedPool implements AgentPool {
  private final TreeMap<PoolKey, AgentState> byKey = new TreeMap<>();
  /**
   * Each member's current key by their place in the queue's member list, null when out: an array
   * rather than a map from agent to key, as the place is known wherever the pool is changed.
   */
  private final PoolKey[] keys;
  private int size;

  OrderedPool(int members) {
    this.keys = new PoolKey[members];
  }

  @Override
  public void put(AgentState agent, long first, long second, int member) {
    PoolKey old = keys[member];
    if (old != null) {
      if (old.first() == first && old.second() == second) {
        return; // unchanged: no key object, no tree work
      }
      byKey.remove(old);
    } else {
      size++;
    }
    PoolKey key = new PoolKey(first, second, member);
    keys[member] = key;
    byKey.put(key, agent);
  }

  @Override
  public void remove(AgentState agent, int member) {
    PoolKey old = keys[member];
    if (old != null) {
      keys[member] = null;
      size--;
      byKey.remove(old);
    }
  }

  @Override
  public boolean contains(AgentState agent, int member) {
    return member >= 0 && keys[member] != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public AgentState pick(Predicate<AgentState> ok, PoolKey after) {
    if (after != null) {
      for (AgentState a : byKey.tailMap(after, false).values()) {
        if (ok.test(a)) {
          return a;
        }
      }
      for (AgentState a : byKey.headMap(after, true).values()) {
        if (ok.test(a)) {
          return a;
        }
      }
      return null;
    }
    for (AgentState a : byKey.values()) {
      if (ok.test(a)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public List<AgentState> all(Predicate<AgentState> ok) {
    List<AgentState> out = new ArrayList<>();
    for (AgentState a : byKey.values()) {
      if (ok.test(a)) {
        out.add(a);
      }
    }
    return out;
  }
}
