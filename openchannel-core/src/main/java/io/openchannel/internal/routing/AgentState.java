package io.openchannel.internal.routing;

import io.openchannel.account.ChannelType;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.QueueId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The router's view of one agent: what routing needs of the stored {@link Agent}, plus their
 * load. Guarded by the router lock. Compared by identity (one instance per agent).
 */
final class AgentState {
  static final int CHANNELS = ChannelType.values().length;

  final AgentId id;
  Presence presence;
  final int[] capacity = new int[CHANNELS];
  /** Open interactions they own, per channel. */
  final int[] assigned = new int[CHANNELS];
  /** Pending offers, per channel; counted in the load so that accepting never exceeds capacity. */
  final int[] pending = new int[CHANNELS];
  Set<String> skills;
  /** The router's assignment counter when they last got an interaction; 0 if never. */
  long lastAssigned;
  /** Whether they wait in the dispatcher's queue of freed agents. */
  boolean freedQueued;
  /** Offers in a row they let time out (auto-pause). */
  int missedInRow;
  final Map<QueueId, QueueState> queues = new HashMap<>();
  /** Pending offers, oldest first. */
  final LinkedHashMap<OfferId, OfferRecord> offers = new LinkedHashMap<>();
  final Set<Routed> owned = new LinkedHashSet<>();

  AgentState(Agent agent) {
    this.id = agent.id();
    update(agent);
  }

  void update(Agent agent) {
    presence = agent.presence();
    for (ChannelType c : ChannelType.values()) {
      capacity[c.ordinal()] = agent.capacityFor(c);
    }
    skills = agent.skills();
  }

  int load(ChannelType c) {
    return assigned[c.ordinal()] + pending[c.ordinal()];
  }

  /** Whether one more offer on {@code c} keeps them within capacity. */
  boolean hasRoom(ChannelType c) {
    return load(c) < capacity[c.ordinal()];
  }

  int totalLoad() {
    int sum = 0;
    for (int i = 0; i < CHANNELS; i++) {
      sum += assigned[i] + pending[i];
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
