package io.openchannel.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** An agent's queues and member places answer like a LinkedHashMap from queue to place. */
class AgentMembershipTest {
  private static final int QUEUES = 6;

  @Property(tries = 300)
  void answersLikeALinkedHashMap(@ForAll @Size(max = 100) List<@IntRange(min = 0, max = 999) Integer> steps) {
    List<QueueState> queues = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      queues.add(new QueueState(Queue.of(QueueId.of("q" + q), "Q" + q, List.of()), List.of(),
          new Random(q)));
    }
    AgentState agent = new AgentState(Agent.of(AgentId.of("a"), "A"));
    Map<QueueState, Integer> model = new LinkedHashMap<>();
    for (int step : steps) {
      QueueState q = queues.get(step % QUEUES);
      if (step % 3 == 0) {
        agent.leave(q);
        model.remove(q);
      } else {
        agent.join(q, step / QUEUES);
        model.put(q, step / QUEUES); // an update keeps its order, as join does
      }
      assertThat(agent.queueCount()).isEqualTo(model.size());
      int i = 0;
      for (Map.Entry<QueueState, Integer> e : model.entrySet()) {
        assertThat(agent.queue(i)).isSameAs(e.getKey());
        assertThat(agent.position(i)).isEqualTo(e.getValue());
        i++;
      }
      for (QueueState other : queues) {
        assertThat(agent.positionIn(other)).isEqualTo(model.getOrDefault(other, -1));
      }
    }
  }
}
