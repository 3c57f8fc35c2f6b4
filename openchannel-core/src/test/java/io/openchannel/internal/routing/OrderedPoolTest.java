package io.openchannel.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.internal.routing.AgentPool.PoolKey;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link OrderedPool} and {@link SmallOrderedPool} order and pick members like a TreeMap from key to member. */
class OrderedPoolTest {
  private static final int MEMBERS = 12;

  @Property(tries = 300)
  void ordersLikeATreeMap(@ForAll boolean small,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 999) Integer> steps) {
    List<AgentState> agents = new ArrayList<>();
    for (int m = 0; m < MEMBERS; m++) {
      agents.add(new AgentState(Agent.of(AgentId.of("a" + m), "A" + m)));
    }
    AgentPool pool = small ? new SmallOrderedPool(MEMBERS) : new OrderedPool(MEMBERS);
    TreeMap<PoolKey, Integer> model = new TreeMap<>();
    PoolKey[] current = new PoolKey[MEMBERS];
    for (int step : steps) {
      int member = step % MEMBERS;
      long first = step / MEMBERS % 4; // few values: ties broken by second, then member
      long second = step / 48 % 3;
      if (step % 5 == 0) {
        pool.remove(agents.get(member), member);
        if (current[member] != null) {
          model.remove(current[member]);
          current[member] = null;
        }
      } else {
        pool.put(agents.get(member), first, second, member);
        if (current[member] != null) {
          model.remove(current[member]);
        }
        current[member] = new PoolKey(first, second, member);
        model.put(current[member], member);
      }
      assertThat(pool.size()).isEqualTo(model.size());
      for (int m = 0; m < MEMBERS; m++) {
        assertThat(pool.contains(agents.get(m), m)).isEqualTo(current[m] != null);
      }
      List<AgentState> expected = new ArrayList<>();
      model.values().forEach(m -> expected.add(agents.get(m)));
      assertThat(pool.all(a -> true)).containsExactlyElementsOf(expected);
      assertThat(pool.pick(a -> true, null)).isEqualTo(expected.isEmpty() ? null : expected.get(0));
      // Round robin: the first after a key, wrapping around; odd members only, to skip some.
      PoolKey after = new PoolKey(0, 0, member);
      Integer next = null;
      for (Integer m : model.tailMap(after, false).values()) {
        if (m % 2 == 1) {
          next = m;
          break;
        }
      }
      if (next == null) {
        for (Integer m : model.headMap(after, true).values()) {
          if (m % 2 == 1) {
            next = m;
            break;
          }
        }
      }
      AgentState picked = pool.pick(a -> agents.indexOf(a) % 2 == 1, after);
      assertThat(picked).isEqualTo(next == null ? null : agents.get(next));
    }
  }
}
