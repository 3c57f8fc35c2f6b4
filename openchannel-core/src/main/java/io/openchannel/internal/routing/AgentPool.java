package io.openchannel.internal.routing;

import java.util.List;
import java.util.function.Predicate;

/**
 * The eligible agents of one queue for one channel, kept in the queue strategy's order so that a
 * routing decision costs O(log n) instead of a scan of all members. Guarded by the router lock.
 */
interface AgentPool {
  /**
   * Adds member {@code member} of the queue with the ordering key ({@code first}, {@code second},
   * {@code member}), or moves them to it; nothing changes (and nothing is allocated) when they
   * already hold that key.
   */
  void put(AgentState agent, long first, long second, int member);

  /** Takes member {@code member} (the agent's place in the queue's member list) out, if in. */
  void remove(AgentState agent, int member);

  boolean contains(AgentState agent, int member);

  int size();

  /**
   * The first agent in the strategy's order that {@code ok} accepts, starting after {@code after}
   * and wrapping around (round robin), or from the start when {@code after} is null; null if none.
   * Costs O(log n) plus one step per agent {@code ok} refuses.
   */
  AgentState pick(Predicate<AgentState> ok, PoolKey after);

  /** Every agent {@code ok} accepts, in order (ring-all). */
  List<AgentState> all(Predicate<AgentState> ok);

  /**
   * The ordering key of an agent in a pool: compared field by field; {@code member} (the agent's
   * position in the queue's member list) makes it unique.
   */
  record PoolKey(long first, long second, int member) implements Comparable<PoolKey> {
    @Override
    public int compareTo(PoolKey o) {
      int c = Long.compare(first, o.first);
      if (c == 0) {
        c = Long.compare(second, o.second);
      }
      return c != 0 ? c : Integer.compare(member, o.member);
    }
  }
}
