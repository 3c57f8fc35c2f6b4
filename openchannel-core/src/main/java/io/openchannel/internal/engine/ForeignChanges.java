package io.openchannel.internal.engine;

import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.routing.Effects;
import io.openchannel.internal.routing.Router;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the router does with another engine's logged change, as a router step: a new interaction
 * is queued, an accept, reject, close, assignment or presence change is applied as if it had been
 * made here (the store already holds its offer ends and rescinds, so the router's repeats of them
 * are recognised and not written again); transfers and anything the router cannot place make it
 * reload. Steps run under the router lock, in {@link ClusterRouting#routed}.
 */
final class ForeignChanges {
  private final Engine engine;

  ForeignChanges(Engine engine) {
    this.engine = engine;
  }

  private Router router() {
    return engine.routing.router;
  }

  /**
   * The router steps for a batch of foreign events, in order; a step that cannot be applied
   * throws (the caller reloads). Events that change no routing give no step. What the steps ask
   * for afterwards (an offline agent's work requeued) lands in {@code effects}.
   */
  List<Runnable> steps(List<OpenChannelEvent> batch, List<OpenChannelEvent> events,
      List<Effects> effects) {
    // An accept also logs the assignment it made: applying the accept covers both.
    Set<InteractionId> accepted = new HashSet<>();
    for (OpenChannelEvent e : batch) {
      if (e instanceof OfferAccepted a) {
        accepted.add(a.interaction());
      }
    }
    List<Runnable> steps = new java.util.ArrayList<>();
    for (OpenChannelEvent e : batch) {
      Effects fx = new Effects(events);
      Runnable step = step(e, accepted, fx);
      if (step != null) {
        steps.add(step);
        effects.add(fx);
      }
    }
    return steps;
  }

  private Runnable step(OpenChannelEvent e, Set<InteractionId> accepted, Effects fx) {
    if (e instanceof InteractionOpened o) {
      return () -> opened(o.interaction(), fx);
    } else if (e instanceof OfferAccepted a) {
      return () -> router().accept(live(a.offer()), fx);
    } else if (e instanceof OfferRejected r) {
      return () -> router().reject(live(r.offer()), fx);
    } else if (e instanceof InteractionClosed c) {
      return () -> router().closed(c.interaction(), fx);
    } else if (e instanceof InteractionAssigned a && !accepted.contains(a.interaction())) {
      return () -> assigned(a.interaction(), fx);
    } else if (e instanceof AgentPresenceChanged p) {
      return () -> router().putAgent(agent(p), false, fx);
    } else if (e instanceof InteractionTransferred || e instanceof InteractionQueued) {
      return () -> {
        throw new ClusterRouting.ReloadInstead();
      };
    }
    return null; // messages, receipts, tags; offer ends that come with their cause
  }

  private OfferId live(OfferId offer) {
    Optional<Offer> known = engine.routing.queries.offer(offer);
    if (known.filter(Offer::isPending).isEmpty()) {
      throw new IllegalStateException("the router does not know offer " + offer + " as pending");
    }
    return offer;
  }

  /** A new interaction: queued if it is still open and nobody took it meanwhile. */
  private void opened(InteractionId id, Effects fx) {
    Optional<RoutingInfo> info = engine.transactions.read(tx -> tx.interactions().find(id)
        .filter(i -> i.isOpen() && i.owner().isEmpty())
        .map(i -> RoutingSnapshot.info(tx, i)));
    if (info.isPresent() && info.get().accountQueue().isPresent()) {
      router().enqueueNew(info.get(), fx);
    }
  }

  private void assigned(InteractionId id, Effects fx) {
    Object[] read = engine.transactions.read(tx -> {
      Interaction i = tx.interactions().find(id).orElseThrow();
      Agent owner = i.owner().flatMap(a -> tx.agents().find(a)).orElse(null);
      return new Object[] {RoutingSnapshot.info(tx, i), owner, i.isOpen()};
    });
    if (read[1] != null && (Boolean) read[2]) {
      router().assigned((RoutingInfo) read[0], (Agent) read[1], fx);
    }
  }

  private Agent agent(AgentPresenceChanged p) {
    return engine.transactions.read(tx -> tx.agents().find(p.agent())).orElseThrow();
  }
}
