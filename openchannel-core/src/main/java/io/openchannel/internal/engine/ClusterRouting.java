package io.openchannel.internal.engine;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.event.TagsChanged;
import io.openchannel.internal.routing.Effects;
import io.openchannel.internal.routing.Router;
import io.openchannel.internal.routing.RouterLoader;
import io.openchannel.spi.store.EventLog;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing shared by the engines on one store that keeps a {@link RoutingLedger}: one engine at a
 * time routes, the holder of the router lease. It tries to take the lease on a timer (renewing it
 * every third of {@code ClusterOptions.routerLease}); on taking it, it loads its {@link Router}
 * from the store; then it routes as a lone engine does, and after each router step writes the
 * step's offers and queue entries, and logs its events, in one transaction fenced by its lease.
 * Engines that do not route leave their router empty; their commands write the store first
 * ({@link LedgerCommands}) and the router applies them when the event log brings them
 * ({@link ForeignChanges}), as steps of its own.
 *
 * <p><b>Conflicts.</b> A router step whose write does not hold (another engine accepted the offer
 * it timed out, closed the interaction it offered) is rolled back and the router reloads from the
 * store: simple, always right, and rare. Transfers and changes without events (capacity, queues)
 * reload too. Writes a step repeats (an accept a command already stored, here or on another
 * engine) are recognised and not logged twice.
 */
final class ClusterRouting {
  private static final Logger log = LoggerFactory.getLogger(ClusterRouting.class);
  private static final int RELOAD_ATTEMPTS = 5;
  /** How long ended offers stay in the store (for {@code Routing.offer} and S6 exclusions). */
  static final Duration ENDED_OFFERS_KEPT = Duration.ofDays(1);
  /** Lease ticks between two prunes of ended offers by the router. */
  private static final int PRUNE_EVERY = 720;

  private final Engine engine;
  final RoutingLedger ledger;
  private final EventLog eventLog;
  private final String node;
  private final Duration lease;
  /** This engine's lease epoch while it routes, 0 otherwise. Changed under the router lock. */
  private volatile long epoch;
  private volatile boolean stopped;
  private volatile Scheduler.Cancellable nextTick;
  /** The ledger's change counter at the last reload. Guarded by the router lock. */
  private long changesSeen;
  /** Lease ticks while routing, for the prune. Only the tick touches it. */
  private int ticksRouting;
  /** How many reloads ran. Guarded by the router lock. */
  private long reloads;
  private final ForeignChanges foreignChanges;
  private final RouterStepWrites writes;

  /** Thrown by a router step that is applied by reloading the router from the store instead. */
  static final class ReloadInstead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReloadInstead() {
      super("applied by reloading", null, false, false);
    }
  }

  /** Another engine holds the lease now. */
  private static final class Fenced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fenced() {
      super("the router lease changed hands", null, false, false);
    }
  }

  ClusterRouting(Engine engine, RoutingLedger ledger, EventLog eventLog) {
    this.engine = engine;
    this.ledger = ledger;
    this.eventLog = eventLog;
    this.node = engine.config.cluster().nodeId();
    this.lease = engine.config.cluster().routerLease();
    this.foreignChanges = new ForeignChanges(engine);
    this.writes = new RouterStepWrites(engine, ledger);
  }

  private Router router() {
    return engine.routing.router;
  }

  void start() {
    nextTick = engine.config.scheduler().schedule(Duration.ZERO, this::tick);
  }

  /** Stops routing and gives the lease up, so that another engine takes over at once. */
  void stop() {
    stopped = true;
    Scheduler.Cancellable t = nextTick;
    if (t != null) {
      t.cancel();
    }
    long held = epoch;
    if (held != 0) {
      engine.transactions.routed(router().lock(), events -> drop());
      try {
        ledger.releaseLease(node, held);
      } catch (RuntimeException e) {
        log.debug("releasing the router lease failed; it lapses on its own", e);
      }
    }
  }

  /** How many reloads ran (for tests). */
  long reloads() {
    Router r = router();
    r.lock().lock();
    try {
      return reloads;
    } finally {
      r.lock().unlock();
    }
  }

  private void tick() {
    try {
      if (stopped) {
        return;
      }
      Instant now = engine.now();
      long held = epoch;
      if (held != 0) {
        if (!ledger.renewLease(node, held, now.plus(lease))) {
          log.info("engine {} lost the router lease (epoch {}); another engine routes", node, held);
          engine.transactions.routed(router().lock(), events -> drop());
        } else if (ledger.lease().changes() != changesSeen) {
          engine.transactions.routed(router().lock(), this::reloadInto);
        }
        if (++ticksRouting % PRUNE_EVERY == 0) {
          ledger.pruneOffers(now.minus(ENDED_OFFERS_KEPT));
        }
      } else {
        Optional<Long> won = ledger.acquireLease(node, now, now.plus(lease));
        if (won.isPresent()) {
          log.info("engine {} routes now (router lease epoch {})", node, won.get());
          engine.transactions.routed(router().lock(), events -> {
            epoch = won.get();
            reloadInto(events);
          });
        }
      }
    } catch (RuntimeException e) {
      log.warn("the router lease could not be checked; trying again at the next tick", e);
    } finally {
      if (!stopped) {
        nextTick = engine.config.scheduler().schedule(lease.dividedBy(3), this::tick);
      }
    }
  }

  private void drop() {
    epoch = 0;
    RouterLoader.clear(router());
  }

  /**
   * Runs a router step's {@code change} if this engine routes (else nothing: the router hears of
   * it from the store), then writes what the step decided. Call holding the router lock, with
   * {@code events} the list the step publishes into (what is in it already was logged by the
   * command's own transaction).
   */
  void routed(List<OpenChannelEvent> events, Runnable change) {
    if (epoch == 0) {
      return;
    }
    int from = events.size();
    try {
      change.run();
    } catch (RuntimeException e) {
      // The router's view was behind the store (an offer it never heard of), or the change is
      // one the router takes in by reloading: start afresh from the store.
      if (!(e instanceof ReloadInstead)) {
        log.debug("a router step failed on a stale view; reloading", e);
      }
      events.subList(from, events.size()).clear();
      reloadInto(events);
      return;
    }
    List<OpenChannelEvent> decided = RouterStepWrites.withoutRepeats(events.subList(0, from),
        events.subList(from, events.size()));
    events.subList(from, events.size()).clear();
    if (decided.isEmpty()) {
      return;
    }
    long held = epoch;
    try {
      events.addAll(engine.config.store().inTransaction(tx -> {
        fence(tx, held);
        List<OpenChannelEvent> kept = writes.write(tx, decided);
        eventLog.append(tx, node, kept);
        return kept;
      }));
    } catch (Fenced e) {
      drop();
    } catch (RouterStepWrites.Conflict | ConcurrentUpdateException e) {
      log.debug("a router step conflicted with another engine's change; reloading", e);
      reloadInto(events);
    } catch (RuntimeException e) {
      // The command committed; only routing's record of the step failed (the database is
      // unreachable, say). Forget the step and reload at the next lease tick.
      log.warn("writing a router step failed; routing reloads from the store at the next tick", e);
      forgetUntilNextTick();
    }
  }


  private void forgetUntilNextTick() {
    RouterLoader.clear(router());
    changesSeen = -1;
  }

  /**
   * Applies other engines' changes to the router (a hook of the event feed), each as a router
   * step; once a step made it reload, the reload read the rest of the batch too.
   */
  void heard(List<OpenChannelEvent> foreign) {
    if (epoch == 0 || foreign.stream().noneMatch(ClusterRouting::concernsRouting)) {
      return;
    }
    List<Effects> effects = new ArrayList<>();
    engine.transactions.routed(router().lock(), events -> {
      for (Runnable step : foreignChanges.steps(foreign, events, effects)) {
        long before = reloads;
        if (epoch == 0) {
          return;
        }
        routed(events, step);
        if (reloads != before) {
          return;
        }
      }
    });
    effects.forEach(engine.routing::followUp);
  }

  /** Reloads the router now if this engine routes (after a queue change). */
  void reload() {
    engine.transactions.routed(router().lock(), events -> {
      if (epoch != 0) {
        reloadInto(events);
      }
    });
  }

  private static boolean concernsRouting(OpenChannelEvent e) {
    return !(e instanceof MessageAdded || e instanceof DeliveryStatusChanged
        || e instanceof ReadStateChanged || e instanceof TagsChanged);
  }

  /**
   * Loads the router from the store and routes what waits, in one fenced transaction; adds the
   * events to {@code out}. Call holding the router lock.
   */
  private void reloadInto(List<OpenChannelEvent> out) {
    reloads++;
    for (int attempt = 1; attempt <= RELOAD_ATTEMPTS && epoch != 0; attempt++) {
      long held = epoch;
      List<OpenChannelEvent> events = new ArrayList<>();
      try {
        long changes = ledger.lease().changes();
        engine.config.store().inTransaction(tx -> {
          fence(tx, held);
          events.clear();
          RouterLoader.Snapshot s = RoutingSnapshot.read(ledger, tx, engine.now(), events);
          int tidied = events.size();
          RouterLoader.load(router(), s, new Effects(events));
          List<OpenChannelEvent> decided = new ArrayList<>(events.subList(tidied, events.size()));
          events.subList(tidied, events.size()).clear();
          events.addAll(writes.write(tx, decided));
          eventLog.append(tx, node, events);
          return null;
        });
        changesSeen = changes;
        out.addAll(events);
        return;
      } catch (Fenced e) {
        drop();
        return;
      } catch (RouterStepWrites.Conflict | ConcurrentUpdateException e) {
        log.debug("reloading the router conflicted with another engine's change; again", e);
        RouterLoader.clear(router());
      } catch (RuntimeException e) {
        log.warn("loading routing from the store failed; trying again at the next tick", e);
        forgetUntilNextTick();
        return;
      }
    }
    if (epoch != 0) {
      log.warn("engine {} could not load routing after {} attempts; it tries again at the next "
          + "tick", node, RELOAD_ATTEMPTS);
      forgetUntilNextTick();
    }
  }

  private void fence(StoreTransaction tx, long held) {
    if (!ledger.fence(tx, node, held)) {
      throw new Fenced();
    }
  }

}
