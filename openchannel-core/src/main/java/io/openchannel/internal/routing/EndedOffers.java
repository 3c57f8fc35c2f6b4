package io.openchannel.internal.routing;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The most recently ended offers, up to a limit, oldest forgotten first: a ring of parallel
 * arrays with an open-addressing index by id. An ended offer is one per routing cycle and lives
 * for the next {@code capacity} cycles, long enough for the collector to copy it out of the young
 * generation and later find it dead in the old one; kept as an {@link Offer} in a
 * {@code LinkedHashMap} it was nine objects (record, map entry, three instants, an optional...),
 * here it is its id and a few array slots. The {@link Offer} is rebuilt on lookup, which is
 * rare (a late answer, a query). Guarded by the router lock.
 */
final class EndedOffers {
  private static final OfferState[] STATES = OfferState.values();
  private static final RescindReason[] REASONS = RescindReason.values();
  private static final int FIRST_SLOTS = 1024;

  private final int capacity;
  private OfferId[] ids;
  /** Each slot's id hash: probes and index moves compare these, not the ids (old objects). */
  private int[] hashes;
  private InteractionId[] interactions;
  private AgentId[] agents;
  private QueueId[] queues;
  /** Created, expires and ended of each slot: seconds and nanos. */
  private long[] seconds;
  private int[] nanos;
  private byte[] states;
  /** The reason's ordinal, or -1. */
  private byte[] reasons;
  private int next;
  private int size;
  /** Slot + 1 of each id, by its hash; 0 is empty. At most half full. */
  private int[] index;

  EndedOffers(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    allocate(Math.min(capacity, FIRST_SLOTS));
  }

  int size() {
    return size;
  }

  /** Forgets every ended offer (a router that reloads its state from a store). */
  void clear() {
    ids = null;
    hashes = null;
    interactions = null;
    agents = null;
    queues = null;
    seconds = null;
    nanos = null;
    states = null;
    reasons = null;
    next = 0;
    size = 0;
    allocate(Math.min(capacity, FIRST_SLOTS));
  }

  /** Keeps an ended offer, forgetting the oldest when full. */
  void put(Offer offer) {
    int h = hash(offer.id());
    int found = slotOf(offer.id(), h);
    int slot;
    if (found >= 0) {
      slot = found; // cannot happen (an offer ends once); a second end replaces the first
    } else {
      if (size == ids.length && ids.length < capacity) {
        allocate(Math.min(capacity, ids.length * 2));
      }
      slot = next;
      if (size == capacity) {
        unindex(slot);
      } else {
        size++;
      }
      next = (next + 1) % capacity;
      hashes[slot] = h;
      indexAs(slot);
    }
    ids[slot] = offer.id();
    interactions[slot] = offer.interaction();
    agents[slot] = offer.agent();
    queues[slot] = offer.queue();
    setTime(slot, 0, offer.createdAt());
    setTime(slot, 1, offer.expiresAt());
    setTime(slot, 2, offer.endedAt().orElseThrow());
    states[slot] = (byte) offer.state().ordinal();
    reasons[slot] = (byte) offer.rescindReason().map(Enum::ordinal).orElse(-1).intValue();
  }

  /** The ended offer, or null if unknown or forgotten. */
  Offer get(OfferId id) {
    int slot = slotOf(id, hash(id));
    if (slot < 0) {
      return null;
    }
    int reason = reasons[slot];
    return new Offer(ids[slot], interactions[slot], agents[slot], queues[slot],
        STATES[states[slot]], time(slot, 0), time(slot, 1), Optional.of(time(slot, 2)),
        reason < 0 ? Optional.empty() : Optional.of(REASONS[reason]));
  }

  private void setTime(int slot, int which, Instant at) {
    seconds[slot * 3 + which] = at.getEpochSecond();
    nanos[slot * 3 + which] = at.getNano();
  }

  private Instant time(int slot, int which) {
    return Instant.ofEpochSecond(seconds[slot * 3 + which], nanos[slot * 3 + which]);
  }

  /** Grows the arrays to {@code slots}; only before the ring first wraps, so slots keep places. */
  private void allocate(int slots) {
    ids = ids == null ? new OfferId[slots] : Arrays.copyOf(ids, slots);
    hashes = hashes == null ? new int[slots] : Arrays.copyOf(hashes, slots);
    interactions = interactions == null ? new InteractionId[slots] : Arrays.copyOf(interactions, slots);
    agents = agents == null ? new AgentId[slots] : Arrays.copyOf(agents, slots);
    queues = queues == null ? new QueueId[slots] : Arrays.copyOf(queues, slots);
    seconds = seconds == null ? new long[slots * 3] : Arrays.copyOf(seconds, slots * 3);
    nanos = nanos == null ? new int[slots * 3] : Arrays.copyOf(nanos, slots * 3);
    states = states == null ? new byte[slots] : Arrays.copyOf(states, slots);
    reasons = reasons == null ? new byte[slots] : Arrays.copyOf(reasons, slots);
    index = new int[Integer.highestOneBit(slots * 2 - 1) * 2];
    for (int slot = 0; slot < size; slot++) {
      indexAs(slot);
    }
  }

  private int slotOf(OfferId id, int h) {
    int mask = index.length - 1;
    for (int i = h & mask; index[i] != 0; i = (i + 1) & mask) {
      int slot = index[i] - 1;
      if (hashes[slot] == h && ids[slot].equals(id)) {
        return slot;
      }
    }
    return -1;
  }

  private void indexAs(int slot) {
    int mask = index.length - 1;
    int i = hashes[slot] & mask;
    while (index[i] != 0) {
      i = (i + 1) & mask;
    }
    index[i] = slot + 1;
  }

  /** Removes the slot's entry and moves later entries of its run back, so no probe chain breaks. */
  private void unindex(int slot) {
    int mask = index.length - 1;
    int gap = hashes[slot] & mask;
    while (index[gap] != slot + 1) {
      gap = (gap + 1) & mask;
    }
    for (int j = (gap + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
      int home = hashes[index[j] - 1] & mask;
      // The entry at j may fill the gap unless its home lies cyclically in (gap, j].
      boolean homeBetween = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
      if (!homeBetween) {
        index[gap] = index[j];
        gap = j;
      }
    }
    index[gap] = 0;
  }

  private static int hash(OfferId id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
