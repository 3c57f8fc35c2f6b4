package io.openchannel.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** An {@link AgentPool} ordered by key: every strategy but RANDOM. */
final class OrderedPool implements AgentPool {
  private final TreeMap<PoolKey, AgentState> byKey = new TreeMap<>();
  private final Map<AgentState, PoolKey> keys = new HashMap<>();

  @Override
  public void put(AgentState agent, PoolKey key) {
    PoolKey old = keys.put(agent, key);
    if (old != null) {
      if (old.equals(key)) {
        return;
      }
      byKey.remove(old);
    }
    byKey.put(key, agent);
  }

  @Override
  public void remove(AgentState agent) {
    PoolKey old = keys.remove(agent);
    if (old != null) {
      byKey.remove(old);
    }
  }

  @Override
  public boolean contains(AgentState agent) {
    return keys.containsKey(agent);
  }

  @Override
  public int size() {
    return keys.size();
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
