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
 * here it is a few array slots: even its id is kept as characters in a byte array (ids the
 * engine makes are 26 ASCII characters), so no object per offer outlives the cycle. The
 * {@link Offer} is rebuilt on lookup, with the id asked for, which is rare (a late answer, a
 * query). Guarded by the router lock.
 */
final class EndedOffers {
  private static final OfferState[] STATES = OfferState.values();
  private static final RescindReason[] REASONS = RescindReason.values();
  private static final int FIRST_SLOTS = 1024;
  /** Id characters kept in place per slot; longer ids, or ids beyond Latin-1, are kept whole. */
  static final int INLINE_CHARS = 32;

  private final int capacity;
  /** Each slot's id, {@link #INLINE_CHARS} bytes per slot, when it fits. */
  private byte[] idChars;
  /** Each slot's id length in {@link #idChars}, or -1 when the id is in {@link #wholeIds}. */
  private byte[] idLengths;
  /** Ids that do not fit in place, by slot; null for those that do. */
  private OfferId[] wholeIds;
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
    idChars = null;
    idLengths = null;
    wholeIds = null;
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
    put(offer, offer.state(), offer.endedAt().orElseThrow(), offer.rescindReason());
  }

  /**
   * Keeps {@code offer} as ended now in {@code state}, without building the ended {@link Offer}
   * (a record, an optional and an instant per offer that would die at once). An offer ends once,
   * so its id is not looked up first: that probe read a random index entry and the hashes of its
   * neighbours, cache misses that were most of the cost of keeping an offer (checked with
   * assertions on, as in tests).
   */
  void put(Offer offer, OfferState state, Instant endedAt, Optional<RescindReason> reason) {
    OfferId id = offer.id();
    int h = hash(id);
    assert slotOf(id, h) < 0 : "offer " + id + " ended twice";
    if (size == states.length && states.length < capacity) {
      allocate(Math.min(capacity, states.length * 2));
    }
    int slot = next;
    if (size == capacity) {
      unindex(slot);
    } else {
      size++;
    }
    next = (next + 1) % capacity;
    hashes[slot] = h;
    indexAs(slot);
    setId(slot, id);
    interactions[slot] = offer.interaction();
    agents[slot] = offer.agent();
    queues[slot] = offer.queue();
    setTime(slot, 0, offer.createdAt());
    setTime(slot, 1, offer.expiresAt());
    setTime(slot, 2, endedAt);
    states[slot] = (byte) state.ordinal();
    reasons[slot] = (byte) (reason.isPresent() ? reason.get().ordinal() : -1);
  }

  private void setId(int slot, OfferId id) {
    String value = id.value();
    int length = value.length();
    if (length <= INLINE_CHARS) {
      int at = slot * INLINE_CHARS;
      int i = 0;
      for (; i < length; i++) {
        char c = value.charAt(i);
        if (c > 0xFF) {
          break;
        }
        idChars[at + i] = (byte) c;
      }
      if (i == length) {
        idLengths[slot] = (byte) length;
        wholeIds[slot] = null;
        return;
      }
    }
    idLengths[slot] = -1;
    wholeIds[slot] = id;
  }

  private boolean hasId(int slot, OfferId id) {
    int length = idLengths[slot];
    if (length < 0) {
      return wholeIds[slot].equals(id);
    }
    String value = id.value();
    if (value.length() != length) {
      return false;
    }
    int at = slot * INLINE_CHARS;
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) != (char) (idChars[at + i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** The ended offer, or null if unknown or forgotten. */
  Offer get(OfferId id) {
    int slot = slotOf(id, hash(id));
    if (slot < 0) {
      return null;
    }
    int reason = reasons[slot];
    return new Offer(id, interactions[slot], agents[slot], queues[slot],
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
    idChars = idChars == null ? new byte[slots * INLINE_CHARS]
        : Arrays.copyOf(idChars, slots * INLINE_CHARS);
    idLengths = idLengths == null ? new byte[slots] : Arrays.copyOf(idLengths, slots);
    wholeIds = wholeIds == null ? new OfferId[slots] : Arrays.copyOf(wholeIds, slots);
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
      if (hashes[slot] == h && hasId(slot, id)) {
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
