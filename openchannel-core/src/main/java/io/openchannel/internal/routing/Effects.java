package io.openchannel.internal.routing;

import java.util.Optional;
import java.time.Instant;
import io.openchannel.event.InteractionQueued;
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
  // Made on first use: almost no step has follow-ups, and three steps run per routing cycle.
  private List<AgentId> autoPause;
  private List<Requeue> requeues;

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
    if (autoPause == null) {
      autoPause = new ArrayList<>();
    }
    autoPause.add(agent);
  }

  void requeue(InteractionId interaction, AgentId agent) {
    requeueList().add(new Requeue(interaction, agent, InteractionQueued.Cause.AGENT_OFFLINE, Optional.empty()));
  }

  void reroute(InteractionId interaction, AgentId agent, Instant assignedAt) {
    requeueList().add(new Requeue(interaction, agent, InteractionQueued.Cause.UNANSWERED,
        Optional.of(assignedAt)));
  }

  /** Whether the engine has anything to run after the step (most steps: no). */
  public boolean hasFollowUps() {
    return autoPause != null || requeues != null;
  }

  public List<OpenChannelEvent> events() {
    return events;
  }

  /** Agents to pause because they let too many offers in a row time out. */
  public List<AgentId> autoPauses() {
    return autoPause == null ? List.of() : autoPause;
  }

  /** Interactions to put back in their queue: their agent went offline or did not answer. */
  public List<Requeue> requeues() {
    return requeues == null ? List.of() : requeues;
  }

  private List<Requeue> requeueList() {
    if (requeues == null) {
      requeues = new ArrayList<>();
    }
    return requeues;
  }

  /**
   * An interaction to requeue, if {@code agent} still owns it and is still offline
   * ({@code AGENT_OFFLINE}), or has still not answered since {@code assignedAt}
   * ({@code UNANSWERED}; the engine checks the messages in the store).
   */
  public record Requeue(InteractionId interaction, AgentId agent, InteractionQueued.Cause cause,
      Optional<Instant> assignedAt) {}
}
