package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The router's view of one agent: what routing needs of the stored {@link Agent}, plus their
 * load. Guarded by the router lock. Compared by identity (one instance per agent).
 */
final class AgentState {
  static final int CHANNELS = ChannelType.values().length;

  final AgentId id;
  Presence presence;
  /**
   * Per channel, three counts side by side: capacity, open interactions they own, and pending
   * offers (counted in the load so that accepting never exceeds capacity). One array with a
   * channel's counts adjacent, not three arrays: a step reads and changes one channel's counts
   * of an agent not touched for a while, one cache line instead of three.
   */
  private final int[] counts = new int[CHANNELS * 3];
  Set<String> skills;
  /** The router's assignment counter when they last got an interaction; 0 if never. */
  long lastAssigned;
  /** Whether they wait in the dispatcher's queue of freed agents. */
  boolean freedQueued;
  /** Offers in a row they let time out (auto-pause). */
  int missedInRow;
  /**
   * The queues they are a member of, and their place in each one's member list: arrays rather
   * than a map, because every offer, accept and close walks them (a map's iterator per step) and
   * a pool needs the place (a second map lookup per queue).
   */
  private QueueState[] queues = new QueueState[1];
  private int[] positions = new int[1];
  private int queueCount;
  /**
   * Pending offers, oldest first. Lists, not a LinkedHashMap and a LinkedHashSet: they hold
   * about as many as the agent's capacity, so removal by a short scan beats an entry object and
   * a hash per offer, accept and close.
   */
  final List<OfferRecord> offers = new ArrayList<>(2);
  /** The open interactions they own, in the order they got them. */
  final List<Routed> owned = new ArrayList<>(2);

  AgentState(Agent agent) {
    this.id = agent.id();
    update(agent);
  }

  void update(Agent agent) {
    presence = agent.presence();
    for (ChannelType c : ChannelType.values()) {
      counts[c.ordinal() * 3] = agent.capacityFor(c);
    }
    skills = agent.skills();
  }

  int queueCount() {
    return queueCount;
  }

  QueueState queue(int i) {
    return queues[i];
  }

  /** Their place in the member list of the {@code i}th of their queues. */
  int position(int i) {
    return positions[i];
  }

  /** Their place in {@code q}'s member list; -1 if not a member. */
  int positionIn(QueueState q) {
    for (int i = 0; i < queueCount; i++) {
      if (queues[i] == q) {
        return positions[i];
      }
    }
    return -1;
  }

  /** They became member {@code position} of {@code q} (or moved there). */
  void join(QueueState q, int position) {
    for (int i = 0; i < queueCount; i++) {
      if (queues[i] == q) {
        positions[i] = position;
        return;
      }
    }
    if (queueCount == queues.length) {
      queues = java.util.Arrays.copyOf(queues, queueCount * 2);
      positions = java.util.Arrays.copyOf(positions, queueCount * 2);
    }
    queues[queueCount] = q;
    positions[queueCount] = position;
    queueCount++;
  }

  /** They are no longer a member of {@code q}; the order of the others is kept. */
  void leave(QueueState q) {
    for (int i = 0; i < queueCount; i++) {
      if (queues[i] == q) {
        System.arraycopy(queues, i + 1, queues, i, queueCount - i - 1);
        System.arraycopy(positions, i + 1, positions, i, queueCount - i - 1);
        queueCount--;
        queues[queueCount] = null;
        return;
      }
    }
  }

  int capacity(int channel) {
    return counts[channel * 3];
  }

  /** Open interactions they own on the channel. */
  int assigned(int channel) {
    return counts[channel * 3 + 1];
  }

  /** Pending offers on the channel. */
  int pending(int channel) {
    return counts[channel * 3 + 2];
  }

  void addAssigned(int channel, int delta) {
    counts[channel * 3 + 1] += delta;
  }

  void addPending(int channel, int delta) {
    counts[channel * 3 + 2] += delta;
  }

  int load(ChannelType c) {
    return assigned(c.ordinal()) + pending(c.ordinal());
  }

  /** Whether one more offer on {@code c} keeps them within capacity. */
  boolean hasRoom(ChannelType c) {
    return hasRoom(c.ordinal());
  }

  boolean hasRoom(int channel) {
    int at = channel * 3;
    return counts[at + 1] + counts[at + 2] < counts[at];
  }

  int totalLoad() {
    int sum = 0;
    for (int i = 0; i < CHANNELS; i++) {
      sum += counts[i * 3 + 1] + counts[i * 3 + 2];
    }
    return sum;
  }

  boolean available() {
    return presence == Presence.AVAILABLE;
  }

  @Override
  public String toString() {
    return id.value();
  }
}
