package io.openchannel.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * An {@link AgentPool} for RANDOM: an array with swap-remove, so adding, removing and picking a
 * uniformly random agent are O(1).
 */
final class RandomPool implements AgentPool {
  /** Random probes before falling back to a scan from a random start (many excluded agents). */
  private static final int PROBES = 8;

  private final Random random;
  private final List<AgentState> agents = new ArrayList<>();
  private final Map<AgentState, Integer> index = new HashMap<>();

  RandomPool(Random random) {
    this.random = random;
  }

  @Override
  public void put(AgentState agent, long first, long second, int member) {
    if (!index.containsKey(agent)) {
      index.put(agent, agents.size());
      agents.add(agent);
    }
  }

  @Override
  public void remove(AgentState agent, int member) {
    Integer i = index.remove(agent);
    if (i == null) {
      return;
    }
    AgentState last = agents.remove(agents.size() - 1);
    if (last != agent) {
      agents.set(i, last);
      index.put(last, i);
    }
  }

  @Override
  public boolean contains(AgentState agent, int member) {
    return index.containsKey(agent);
  }

  @Override
  public int size() {
    return agents.size();
  }

  @Override
  public AgentState pick(Predicate<AgentState> ok, PoolKey after) {
    int n = agents.size();
    if (n == 0) {
      return null;
    }
    for (int probe = 0; probe < PROBES; probe++) {
      AgentState a = agents.get(random.nextInt(n));
      if (ok.test(a)) {
        return a;
      }
    }
    int start = random.nextInt(n);
    for (int i = 0; i < n; i++) {
      AgentState a = agents.get((start + i) % n);
      if (ok.test(a)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public List<AgentState> all(Predicate<AgentState> ok) {
    List<AgentState> out = new ArrayList<>();
    for (AgentState a : agents) {
      if (ok.test(a)) {
        out.add(a);
      }
    }
    return out;
  }
}
