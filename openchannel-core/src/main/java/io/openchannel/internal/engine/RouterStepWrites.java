package io.openchannel.internal.engine;

import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.RescindReason;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.store.WaitingEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a router step's events mean for the {@link RoutingLedger}: a created offer is inserted, an
 * ended one ended (only if still pending), a queued interaction gets its entry. Repeats of what
 * the store already holds (a store-first command's offer ends, here or on another engine) are
 * recognised and dropped, so they are neither written nor logged twice; an end the store holds
 * otherwise is a {@link Conflict}. Used under the router lock.
 */
final class RouterStepWrites {
  /** A router write that does not hold any more: the router reloads. */
  static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  private final Engine engine;
  private final RoutingLedger ledger;

  RouterStepWrites(Engine engine, RoutingLedger ledger) {
    this.engine = engine;
    this.ledger = ledger;
  }

  /**
   * The step's events less what its command's own transaction already stored and published
   * (the offer ends of a store-first accept, reject or close, a presence change): no transaction
   * is needed for those.
   */
  static List<OpenChannelEvent> withoutRepeats(List<OpenChannelEvent> stored,
      List<OpenChannelEvent> step) {
    java.util.Set<String> ended = new java.util.HashSet<>();
    for (OpenChannelEvent e : stored) {
      String key = endKey(e);
      if (key != null) {
        ended.add(key);
      }
    }
    List<OpenChannelEvent> out = new ArrayList<>(step.size());
    for (OpenChannelEvent e : step) {
      String key = endKey(e);
      if (!(e instanceof AgentPresenceChanged) && (key == null || !ended.contains(key))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The offer and how it ended, for an offer's end event; null for other events. */
  private static String endKey(OpenChannelEvent e) {
    if (e instanceof OfferAccepted a) {
      return a.offer().value() + " ACCEPTED";
    } else if (e instanceof OfferRejected r) {
      return r.offer().value() + " REJECTED";
    } else if (e instanceof OfferTimedOut t) {
      return t.offer().value() + " TIMED_OUT";
    } else if (e instanceof OfferRescinded r) {
      return r.offer().value() + " RESCINDED " + r.reason();
    }
    return null;
  }

  /**
   * Writes what router events say to the ledger and returns the events to log and publish: an
   * offer end the store already holds (this engine's own command stored it) is dropped, one the
   * store holds otherwise is a {@link Conflict}; presence changes were published by the command.
   */
  List<OpenChannelEvent> write(StoreTransaction tx, List<OpenChannelEvent> decided) {
    List<OpenChannelEvent> kept = new ArrayList<>(decided.size());
    for (OpenChannelEvent e : decided) {
      boolean keep = true;
      if (e instanceof OfferCreated c) {
        ledger.insertOffer(tx, Offer.pending(c.offer(), c.interaction(), c.agent(), c.queue(),
            c.at(), c.expiresAt()));
      } else if (e instanceof OfferAccepted a) {
        keep = end(tx, a.offer(), OfferState.ACCEPTED, Optional.empty(), a.at());
      } else if (e instanceof OfferRejected r) {
        keep = end(tx, r.offer(), OfferState.REJECTED, Optional.empty(), r.at());
      } else if (e instanceof OfferTimedOut t) {
        keep = end(tx, t.offer(), OfferState.TIMED_OUT, Optional.empty(), t.at());
      } else if (e instanceof OfferRescinded r) {
        keep = end(tx, r.offer(), OfferState.RESCINDED, Optional.of(r.reason()), r.at());
      } else if (e instanceof InteractionQueued q) {
        int priority = engine.routing.queries.queue(q.queue()).map(Queue::priority).orElse(0);
        ledger.putWaiting(tx, new WaitingEntry(q.interaction(), q.queue(), priority, q.at()));
      } else if (e instanceof AgentPresenceChanged) {
        keep = false;
      }
      if (keep) {
        kept.add(e);
      }
    }
    return kept;
  }

  private boolean end(StoreTransaction tx, OfferId offer, OfferState state,
      Optional<RescindReason> reason, Instant at) {
    if (ledger.endOffer(tx, offer, state, reason, at)) {
      return true;
    }
    Optional<Offer> stored = ledger.findOffer(tx, offer);
    if (stored.isPresent() && stored.get().state() == state
        && stored.get().rescindReason().equals(reason)) {
      return false; // stored by this engine's command: logged there
    }
    throw new Conflict("offer " + offer + " is " + stored.map(o -> o.state().toString())
        .orElse("unknown") + " in the store; the router wanted " + state);
  }
}
