package io.openchannel.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import java.util.List;
import java.util.Optional;

/**
 * Routing of new interactions to agents through queues (S3, S4, S6, S7, S14).
 *
 * <p>A customer's new interaction on an account with a queue ({@code AccountSettings.queue()}) is
 * queued there and offered to eligible agents by the queue's {@link RoutingStrategy}. An agent is
 * eligible when they are a member of the queue, {@link Presence#AVAILABLE}, have the queue's
 * required skills, have free capacity on the interaction's channel, and have not rejected it (or
 * let it time out) while other eligible agents remain. Free capacity counts pending offers:
 * an agent with {@code n} assigned interactions and {@code k} pending offers on a channel is
 * offered more only while {@code n + k < capacity}, so accepting never takes an agent over
 * capacity, whatever the timing. The first accept wins; every other pending offer of the same
 * interaction is rescinded ({@link RescindReason#TAKEN_BY_OTHER_AGENT}) and its agent told (S7).
 * Work with no eligible agent waits in its queue, ordered by queue priority then age, and is
 * offered the moment an agent becomes eligible.
 *
 * <p>Every method is thread-safe and atomic: when it throws, nothing changed. Events are
 * published after the change, in order for each interaction.
 */
public interface Routing {
  /**
   * Sets an agent's presence. Leaving {@link Presence#AVAILABLE} rescinds their pending offers
   * ({@link RescindReason#AGENT_UNAVAILABLE}); going {@link Presence#OFFLINE} with
   * {@link OfflineAssignments#REQUEUE} also puts their assigned interactions back in their queues
   * (each one atomically, before this method returns). Becoming available offers them waiting work.
   *
   * @return the agent as stored
   * @throws io.openchannel.NotFoundException if the agent does not exist
   */
  Agent setPresence(AgentId agent, Presence presence);

  /**
   * Sets how many interactions of a channel the agent handles at once (S4). Raising it offers
   * waiting work; lowering it below the agent's load rescinds their newest pending offers
   * ({@link RescindReason#AGENT_UNAVAILABLE}) but never takes assigned interactions away.
   *
   * @return the agent as stored
   * @throws io.openchannel.NotFoundException if the agent does not exist
   * @throws io.openchannel.InvalidInputException if {@code capacity} is negative
   */
  Agent setCapacity(AgentId agent, ChannelType channel, int capacity);

  /**
   * Accepts a pending offer: the interaction becomes the agent's (S7).
   *
   * @return the interaction, now owned by the offer's agent
   * @throws io.openchannel.NotFoundException if the offer is unknown (or ended long ago)
   * @throws io.openchannel.IllegalTransitionException if the offer is no longer pending (for
   *     example rescinded because another agent took it); nothing changes
   */
  Interaction accept(OfferId offer);

  /**
   * Rejects a pending offer; the interaction is offered to another eligible agent (S6).
   *
   * @return the ended offer
   * @throws io.openchannel.NotFoundException if the offer is unknown (or ended long ago)
   * @throws io.openchannel.IllegalTransitionException if the offer is no longer pending
   */
  Offer reject(OfferId offer);

  /**
   * Transfers an interaction its owner handles to a queue (S14): the owner's capacity is freed and
   * the interaction is queued there, offered to the queue's agents (the transferring agent last).
   *
   * @return the interaction, now without owner
   * @throws io.openchannel.PermissionDeniedException if the account does not allow transfers, the
   *     agent lacks {@link Permission#TRANSFER}, or does not own the interaction
   * @throws io.openchannel.NotFoundException if the interaction, agent or queue does not exist
   * @throws io.openchannel.IllegalTransitionException if the interaction is closed
   */
  Interaction transferToQueue(InteractionId interaction, QueueId queue, AgentId by);

  /**
   * Transfers an interaction its owner handles to another agent (S14): the owner's capacity is
   * freed and the target gets the only offer. If the target rejects it or lets it time out, the
   * interaction goes back to the queue it came through (the account's queue if it never was in
   * one) and is routed as usual, neither the target nor the transferring agent first.
   *
   * @return the offer made to the target
   * @throws io.openchannel.PermissionDeniedException as for {@link #transferToQueue}
   * @throws io.openchannel.IllegalTransitionException if the interaction is closed, has no queue
   *     to fall back to, or the target is not available or has no free capacity on its channel
   * @throws io.openchannel.InvalidInputException if the target is the transferring agent
   */
  Offer transferToAgent(InteractionId interaction, AgentId to, AgentId by);

  /** The agent's pending offers, oldest first. */
  List<Offer> pendingOffers(AgentId agent);

  /** An offer, pending or recently ended (the last 100,000 ended offers are kept). */
  Optional<Offer> offer(OfferId offer);

  /**
   * Where an interaction is in routing; empty for an open interaction routing never handled
   * (its account has no queue and no agent owns it).
   */
  Optional<RoutingState> state(InteractionId interaction);

  /**
   * The interactions waiting in a queue with no pending offer, in the order they will be offered.
   *
   * @throws io.openchannel.NotFoundException if there is no such queue
   */
  List<InteractionId> waiting(QueueId queue);
}
