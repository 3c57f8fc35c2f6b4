package io.openchannel.spi.store;

import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Routing state kept in the store, so that several engines on one database route as one: queues,
 * offers, the interactions waiting in queues, and the router lease. Optional
 * ({@link Store#routingLedger()}); without it routing lives in the one engine's memory.
 *
 * <p>The database arbitrates: {@link #endOffer} changes an offer only while it is still
 * {@code PENDING} and says whether it did, so of two engines ending one offer at once (two
 * accepts, an accept and a timeout) exactly one wins. One engine at a time routes: the holder of
 * the lease ({@link #acquireLease}); each of its transactions first calls {@link #fence}, which
 * fails once another engine took the lease over, so a router that paused past its lease writes
 * nothing.
 *
 * <p>Methods that take a {@link StoreTransaction} join it (they commit or roll back with the
 * engine's other writes; pass the transaction the {@link Store} handed out); the lease methods run
 * their own short transaction. Implementations are thread-safe and pass the kit's
 * {@code RoutingLedgerContract}.
 */
public interface RoutingLedger {
  /** Every open interaction, oldest first: what a new router reads to rebuild agents' load. */
  List<InteractionId> openInteractions(StoreTransaction tx);

  /**
   * Locks the agent's row until the transaction ends (so one agent's accepts on several engines
   * take turns) and counts the open interactions they own on accounts of {@code channel}: an
   * accept checks it against the agent's capacity.
   */
  int lockAndCountAssigned(StoreTransaction tx, AgentId agent, ChannelType channel);

  /**
   * Notes a routing change that no event reports (an agent's capacity, a queue's settings), so
   * that the router re-reads the routing state ({@link RouterLease#changes()} moves).
   */
  void signalChange(StoreTransaction tx);

  /** Stores a new {@code PENDING} offer. */
  void insertOffer(StoreTransaction tx, Offer offer);

  /**
   * Ends the offer in {@code state} at {@code at}, only if it is still {@code PENDING}.
   *
   * @param reason present exactly when {@code state} is {@code RESCINDED}
   * @return whether this call ended it (false: unknown, or it had already ended)
   */
  boolean endOffer(StoreTransaction tx, OfferId offer, OfferState state,
      Optional<RescindReason> reason, Instant at);

  /** The offer, pending or ended. */
  Optional<Offer> findOffer(StoreTransaction tx, OfferId offer);

  /** Every pending offer, oldest first. */
  List<Offer> pendingOffers(StoreTransaction tx);

  /** The agent's pending offers, oldest first. */
  List<Offer> pendingOffersOf(StoreTransaction tx, AgentId agent);

  /** Every offer of the interaction, pending and ended, oldest first. */
  List<Offer> offersFor(StoreTransaction tx, InteractionId interaction);

  /**
   * Drops the offers that ended before {@code endedBefore}, in a transaction of its own; pending
   * offers stay whatever their age. Returns how many were dropped.
   */
  int pruneOffers(Instant endedBefore);

  /** Puts the interaction in a queue, replacing its entry if it had one. */
  void putWaiting(StoreTransaction tx, WaitingEntry entry);

  /** Takes the interaction out of its queue; whether it was in one. */
  boolean removeWaiting(StoreTransaction tx, InteractionId interaction);

  /** The interaction's entry, if it is in a queue. */
  Optional<WaitingEntry> findWaiting(StoreTransaction tx, InteractionId interaction);

  /** Every entry in queue order: higher priority first, then older, then by interaction id. */
  List<WaitingEntry> waiting(StoreTransaction tx);

  /**
   * Stores a new queue at version 0.
   *
   * @throws io.openchannel.InvalidInputException if a queue with its id exists
   */
  Queue createQueue(StoreTransaction tx, Queue queue);

  /**
   * Replaces a queue whose stored version is {@code queue.version()}; returns it at the next
   * version.
   *
   * @throws io.openchannel.NotFoundException if there is no such queue
   * @throws io.openchannel.ConcurrentUpdateException if it was changed since that version
   */
  Queue updateQueue(StoreTransaction tx, Queue queue);

  /** The queue. */
  Optional<Queue> findQueue(StoreTransaction tx, QueueId queue);

  /** Every queue, by id. */
  List<Queue> queues(StoreTransaction tx);

  /**
   * Takes the router lease until {@code until} if it is free at {@code now} (never held, or
   * lapsed); a new holding gets a higher epoch than any before it.
   *
   * @return the new epoch; empty if another engine holds a live lease
   */
  Optional<Long> acquireLease(String node, Instant now, Instant until);

  /**
   * Extends {@code node}'s holding {@code epoch} until {@code until}, if nobody took the lease
   * over since (a lapsed lease nobody took is still the holder's).
   *
   * @return whether it is still the holder
   */
  boolean renewLease(String node, long epoch, Instant until);

  /** Gives the lease up (it lapses now), if {@code node} still holds {@code epoch}. */
  void releaseLease(String node, long epoch);

  /** The lease as stored. */
  RouterLease lease();

  /**
   * Checks inside a router transaction that {@code node} still holds {@code epoch}, and keeps the
   * lease from changing hands until the transaction ends (a row lock); the router calls it before
   * its other writes and rolls back when it returns false.
   */
  boolean fence(StoreTransaction tx, String node, long epoch);
}
