package io.openchannel.internal.routing;

import io.openchannel.routing.Offer;
import io.openchannel.spi.time.Scheduler;

/** A live offer with its parties and timer. Guarded by the router lock. */
final class OfferRecord {
  Offer offer;
  final Routed interaction;
  final AgentState agent;
  Scheduler.Cancellable timer;

  OfferRecord(Offer offer, Routed interaction, AgentState agent) {
    this.offer = offer;
    this.interaction = interaction;
    this.agent = agent;
  }
}
