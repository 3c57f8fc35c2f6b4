package io.openchannel.internal.engine;

import io.openchannel.NotFoundException;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.Queues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Queue administration: queues live in the router, or in the store when it keeps routing state. */
final class QueueAdmin implements Queues {
  private final Engine engine;

  QueueAdmin(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Queue create(Queue queue) {
    Checks.notNull(queue, "queue");
    List<Agent> members = members(queue);
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.createQueue(queue);
    }
    return engine.routing.step(fx -> engine.routing.router.createQueue(queue, members, fx));
  }

  @Override
  public Queue update(Queue queue) {
    Checks.notNull(queue, "queue");
    List<Agent> members = members(queue);
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.updateQueue(queue);
    }
    return engine.routing.step(fx -> engine.routing.router.updateQueue(queue, members, fx));
  }

  /** The members' stored records, read before the router lock (the store comes after it). */
  private List<Agent> members(Queue queue) {
    List<Agent> out = new ArrayList<>(queue.members().size());
    for (QueueMember m : queue.members()) {
      out.add(engine.agents().find(m.agent()).orElseThrow(() -> new NotFoundException("queue "
          + queue.id() + " lists agent " + m.agent() + ", who does not exist; create the agent first")));
    }
    return out;
  }

  @Override
  public Optional<Queue> find(QueueId id) {
    Checks.notNull(id, "id");
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.queue(id);
    }
    return engine.routing.read(() -> engine.routing.queries.queue(id));
  }

  @Override
  public Queue get(QueueId id) {
    return find(id).orElseThrow(() -> new NotFoundException("no queue " + id
        + "; create it with OpenChannel.queues().create(...)"));
  }

  @Override
  public List<Queue> list() {
    if (engine.ledgerCommands != null) {
      return engine.ledgerCommands.queues();
    }
    return engine.routing.read(engine.routing.queries::queues);
  }
}
