package io.openchannel.cluster;

import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * How this engine shares its store with other engines (several JVMs on one database). Immutable;
 * start from {@link #defaults()} and change it with the withers. The defaults are right for one
 * engine as well: the outbox is claimed either way, and a lone engine always wins its claims.
 *
 * @param nodeId this engine's name in outbox claims and the event log; unique among the engines on
 *     the store. The default is random, so a restarted engine is a new node: it waits for its old
 *     leases and reads the event log from its end. A stable id lets a restarted engine go on
 *     reading the log where it stopped (the cursor is kept per node id)
 * @param outboxLease how long a claim on an interaction's outbox lasts before another engine may
 *     take it over; it must be well above the longest send (the connector's HTTP timeout), since
 *     a send still running when its lease lapses may be repeated by another engine
 * @param outboxSweep how often the engine looks for queued messages no engine is sending:
 *     lapsed claims of a stopped engine, retries whose engine stopped, messages another engine
 *     stored. This is how long, at most, a dead engine's work waits after its lease lapsed.
 *     Empty (the default): no sweep, right for a lone engine, which finds its queued messages at
 *     start and retries on its own timers; engines that share a store set one
 * @param eventPoll how often the engine reads other engines' events from the store's event log
 *     (when the store keeps one: {@code JdbcStore.builder(ds).clusterEvents(true)}); on PostgreSQL
 *     {@code NOTIFY} wakes it at once and the poll only covers a lost wake-up
 * @param routerLease when the store keeps routing state ({@code JdbcStore.builder(ds)
 *     .clusterRouting(true)}): how long the engine that routes holds that role without renewing
 *     it (it renews every third of it). This is how long, at most, routing stops after the
 *     routing engine dies, before another takes over; unused without such a store
 */
public record ClusterOptions(String nodeId, Duration outboxLease, Optional<Duration> outboxSweep,
    Duration eventPoll, Duration routerLease) {
  /** The default lease: 60 seconds, four times the connectors' usual 15 s timeout. */
  public static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofSeconds(60);
  /** The default event poll: every second. */
  public static final Duration DEFAULT_EVENT_POLL = Duration.ofSeconds(1);
  /** A sweep for engines that share a store: every 5 seconds. */
  public static final Duration SHARED_OUTBOX_SWEEP = Duration.ofSeconds(5);
  /** The default router lease: 15 seconds, renewed every 5. */
  public static final Duration DEFAULT_ROUTER_LEASE = Duration.ofSeconds(15);

  /** Validates the options. */
  public ClusterOptions {
    Checks.identifier(nodeId, "nodeId", 128);
    positive(outboxLease, "outboxLease");
    Checks.notNull(outboxSweep, "outboxSweep");
    outboxSweep.ifPresent(d -> positive(d, "outboxSweep"));
    positive(eventPoll, "eventPoll");
    positive(routerLease, "routerLease");
  }

  /** The options of earlier versions, with the default router lease. */
  public ClusterOptions(String nodeId, Duration outboxLease, Optional<Duration> outboxSweep,
      Duration eventPoll) {
    this(nodeId, outboxLease, outboxSweep, eventPoll, DEFAULT_ROUTER_LEASE);
  }

  private static void positive(Duration d, String name) {
    Checks.notNull(d, name);
    Checks.check(!d.isNegative() && !d.isZero(), name + " must be positive, got " + d);
  }

  /**
   * For a lone engine: a random node id, a 60 s outbox lease, no sweep, an event poll each second,
   * a 15 s router lease.
   */
  public static ClusterOptions defaults() {
    return new ClusterOptions("node-" + UUID.randomUUID(), DEFAULT_OUTBOX_LEASE,
        Optional.empty(), DEFAULT_EVENT_POLL, DEFAULT_ROUTER_LEASE);
  }

  /** For engines that share a store: the defaults with a sweep every 5 s. */
  public static ClusterOptions shared() {
    return defaults().withOutboxSweep(SHARED_OUTBOX_SWEEP);
  }

  /** This engine's name in outbox claims. */
  public ClusterOptions withNodeId(String value) {
    return new ClusterOptions(value, outboxLease, outboxSweep, eventPoll, routerLease);
  }

  /** How long an outbox claim lasts. */
  public ClusterOptions withOutboxLease(Duration value) {
    return new ClusterOptions(nodeId, value, outboxSweep, eventPoll, routerLease);
  }

  /** How often the engine reads other engines' events from the store's event log. */
  public ClusterOptions withEventPoll(Duration value) {
    return new ClusterOptions(nodeId, outboxLease, outboxSweep, value, routerLease);
  }

  /** How often the engine sweeps for queued messages nobody is sending. */
  public ClusterOptions withOutboxSweep(Duration value) {
    Checks.notNull(value, "outboxSweep");
    return new ClusterOptions(nodeId, outboxLease, Optional.of(value), eventPoll, routerLease);
  }

  /** How long the routing engine holds that role without renewing it (renewed every third). */
  public ClusterOptions withRouterLease(Duration value) {
    return new ClusterOptions(nodeId, outboxLease, outboxSweep, eventPoll, value);
  }
}
