package io.openchannel.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An ordered {@link AgentPool} for small queues: the members in key order in an int array. A change
 * moves a few array slots instead of allocating a tree entry and a key and rebalancing a
 * TreeMap, and picking reads adjacent slots instead of chasing tree nodes. Moving slots costs
 * O(n), so queues above {@link #MAX_MEMBERS} use the tree.
 */
final class SmallOrderedPool implements AgentPool {
  static final int MAX_MEMBERS = 128;

  /** By member place: the agent and their key while in the pool. */
  private final AgentState[] agents;
  private final long[] firsts;
  private final long[] seconds;
  /** Member places in key order; the first {@link #size} are used. */
  private final int[] order;
  private int size;

  SmallOrderedPool(int members) {
    this.agents = new AgentState[members];
    this.firsts = new long[members];
    this.seconds = new long[members];
    this.order = new int[members];
  }

  @Override
  public void put(AgentState agent, long first, long second, int member) {
    if (agents[member] != null) {
      if (firsts[member] == first && seconds[member] == second) {
        return;
      }
      removeAt(indexOf(member));
    }
    agents[member] = agent;
    firsts[member] = first;
    seconds[member] = second;
    int at = firstAfter(first, second, member);
    System.arraycopy(order, at, order, at + 1, size - at);
    order[at] = member;
    size++;
  }

  @Override
  public void remove(AgentState agent, int member) {
    if (agents[member] != null) {
      removeAt(indexOf(member));
      agents[member] = null;
    }
  }

  @Override
  public boolean contains(AgentState agent, int member) {
    return member >= 0 && agents[member] != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public AgentState pick(Predicate<AgentState> ok, PoolKey after) {
    int start = after == null ? 0 : firstAfter(after.first(), after.second(), after.member());
    for (int i = start; i < size; i++) {
      AgentState a = agents[order[i]];
      if (ok.test(a)) {
        return a;
      }
    }
    for (int i = 0; i < start; i++) { // wrap around: round robin
      AgentState a = agents[order[i]];
      if (ok.test(a)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public List<AgentState> all(Predicate<AgentState> ok) {
    List<AgentState> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      AgentState a = agents[order[i]];
      if (ok.test(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The index in {@link #order} of a member in the pool. */
  private int indexOf(int member) {
    int at = firstAfter(firsts[member], seconds[member], member) - 1;
    if (at < 0 || order[at] != member) {
      throw new IllegalStateException("pool order lost member " + member);
    }
    return at;
  }

  private void removeAt(int at) {
    System.arraycopy(order, at + 1, order, at, size - at - 1);
    size--;
  }

  /** The index of the first entry whose key is greater than (first, second, member). */
  private int firstAfter(long first, long second, int member) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int m = order[mid];
      if (compare(firsts[m], seconds[m], m, first, second, member) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int compare(long f1, long s1, int m1, long f2, long s2, int m2) {
    int c = Long.compare(f1, f2);
    if (c == 0) {
      c = Long.compare(s1, s2);
    }
    return c != 0 ? c : Integer.compare(m1, m2);
  }
}
