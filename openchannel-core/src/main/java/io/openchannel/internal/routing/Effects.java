package io.openchannel.internal.routing;

import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import java.util.ArrayList;
import java.util.List;

/**
 * What one router step produced: events to publish (in order) and follow-up work the engine runs
 * after releasing the router lock, because it writes the store under other locks.
 */
public final class Effects {
  private final List<OpenChannelEvent> events;
  private final List<AgentId> autoPause = new ArrayList<>();
  private final List<Requeue> requeues = new ArrayList<>();

  /** Collects into {@code events} (a transaction's event list, so store and router events stay in one order). */
  public Effects(List<OpenChannelEvent> events) {
    this.events = events;
  }

  public Effects() {
    this(new ArrayList<>());
  }

  void publish(OpenChannelEvent event) {
    events.add(event);
  }

  void autoPause(AgentId agent) {
    autoPause.add(agent);
  }

  void requeue(InteractionId interaction, AgentId agent) {
    requeues.add(new Requeue(interaction, agent));
  }

  public List<OpenChannelEvent> events() {
    return events;
  }

  /** Agents to pause because they let too many offers in a row time out. */
  public List<AgentId> autoPauses() {
    return autoPause;
  }

  /** Interactions to put back in their queue because their agent went offline. */
  public List<Requeue> requeues() {
    return requeues;
  }

  /** An interaction to requeue, if {@code agent} still owns it and is still offline. */
  public record Requeue(InteractionId interaction, AgentId agent) {}
}
