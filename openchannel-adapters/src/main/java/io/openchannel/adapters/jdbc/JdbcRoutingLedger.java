package io.openchannel.adapters.jdbc;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.spi.store.RouterLease;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.spi.store.WaitingEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing ledger in {@code oc_route_offer}, {@code oc_route_waiting}, {@code oc_route_queue}
 * and {@code oc_router_lease}. Ending an offer and taking the lease are compare-and-set
 * {@code UPDATE}s: the row lock makes a second writer wait for the first to commit, then
 * PostgreSQL and MariaDB re-check the {@code WHERE} on the new row and update nothing (H2 reports
 * the loser a concurrent update, which the engine retries and then sees the offer ended). The
 * fence is a {@code SELECT ... FOR UPDATE} of the lease row, which holds its lock until the
 * router's transaction ends, so the lease cannot change hands under a running router step.
 */
final class JdbcRoutingLedger implements RoutingLedger {
  private static final String OFFER_COLUMNS = "id, interaction_id, agent_id, queue_id, state, "
      + "reason, created_at, expires_at, ended_at";
  private static final String SELECT_OFFERS = "SELECT " + OFFER_COLUMNS + " FROM oc_route_offer ";
  private static final String SELECT_WAITING =
      "SELECT interaction_id, queue_id, priority, enqueued_at FROM oc_route_waiting ";

  private final JdbcStore store;

  JdbcRoutingLedger(JdbcStore store) {
    this.store = store;
  }

  private static JdbcTransaction writable(StoreTransaction t) {
    JdbcTransaction tx = (JdbcTransaction) t;
    tx.writable();
    return tx;
  }

  @Override
  public List<InteractionId> openInteractions(StoreTransaction t) {
    return ((JdbcTransaction) t).query("listing open interactions", "SELECT id FROM "
        + "oc_interaction WHERE status = 'OPEN' ORDER BY started_at, seq",
        rs -> InteractionId.of(rs.getString(1)));
  }

  @Override
  public int lockAndCountAssigned(StoreTransaction t, AgentId agent, ChannelType channel) {
    JdbcTransaction tx = writable(t);
    tx.query("locking an agent", "SELECT id FROM oc_agent WHERE id = ? FOR UPDATE",
        rs -> rs.getString(1), agent.value());
    return tx.queryOne("counting an agent's interactions", "SELECT COUNT(*) FROM oc_interaction i "
        + "JOIN oc_account a ON a.id = i.account_id WHERE i.owner_agent = ? AND i.status = 'OPEN' "
        + "AND a.channel_type = ?", rs -> rs.getInt(1), agent.value(), channel.name())
        .orElse(0);
  }

  @Override
  public void signalChange(StoreTransaction t) {
    writable(t).execute("signalling a routing change",
        "UPDATE oc_router_lease SET changes = changes + 1 WHERE id = 1");
  }

  @Override
  public void insertOffer(StoreTransaction t, Offer o) {
    Objects.requireNonNull(o, "offer");
    if (!o.isPending()) {
      throw new InvalidInputException("offer " + o.id() + " is " + o.state()
          + "; only a pending offer is inserted, then ended with endOffer");
    }
    writable(t).execute("storing an offer", "INSERT INTO oc_route_offer (" + OFFER_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.id().value(), o.interaction().value(),
        o.agent().value(), o.queue().value(), o.state().name(), Sql.NULL_TEXT,
        Sql.nanos(o.createdAt()), Sql.nanos(o.expiresAt()), Sql.NULL_BIGINT);
  }

  @Override
  public boolean endOffer(StoreTransaction t, OfferId offer, OfferState state,
      Optional<RescindReason> reason, Instant at) {
    Objects.requireNonNull(offer, "offer");
    if (!state.isFinal() || (state == OfferState.RESCINDED) != reason.isPresent()) {
      throw new InvalidInputException("an offer ends in a final state, with a reason exactly when "
          + "RESCINDED; got " + state + " " + reason);
    }
    return writable(t).execute("ending an offer", "UPDATE oc_route_offer SET state = ?, reason = ?, "
        + "ended_at = ? WHERE id = ? AND state = 'PENDING'", state.name(),
        Sql.text(reason.map(Enum::name)), Sql.nanos(at), offer.value()) == 1;
  }

  @Override
  public Optional<Offer> findOffer(StoreTransaction t, OfferId offer) {
    return ((JdbcTransaction) t).queryOne("reading an offer", SELECT_OFFERS + "WHERE id = ?",
        JdbcRoutingLedger::offer, offer.value());
  }

  @Override
  public List<Offer> pendingOffers(StoreTransaction t) {
    return ((JdbcTransaction) t).query("reading pending offers", SELECT_OFFERS
        + "WHERE state = 'PENDING' ORDER BY created_at, id", JdbcRoutingLedger::offer);
  }

  @Override
  public List<Offer> pendingOffersOf(StoreTransaction t, AgentId agent) {
    return ((JdbcTransaction) t).query("reading an agent's offers", SELECT_OFFERS
        + "WHERE agent_id = ? AND state = 'PENDING' ORDER BY created_at, id",
        JdbcRoutingLedger::offer, agent.value());
  }

  @Override
  public List<Offer> offersFor(StoreTransaction t, InteractionId interaction) {
    return ((JdbcTransaction) t).query("reading an interaction's offers", SELECT_OFFERS
        + "WHERE interaction_id = ? ORDER BY created_at, id", JdbcRoutingLedger::offer,
        interaction.value());
  }

  private static Offer offer(ResultSet rs) throws SQLException {
    OfferState state = OfferState.valueOf(rs.getString("state"));
    return new Offer(OfferId.of(rs.getString("id")),
        InteractionId.of(rs.getString("interaction_id")), AgentId.of(rs.getString("agent_id")),
        QueueId.of(rs.getString("queue_id")), state, Sql.instant(rs.getLong("created_at")),
        Sql.instant(rs.getLong("expires_at")), Sql.optionalInstant(rs, "ended_at"),
        Sql.optionalText(rs, "reason").map(RescindReason::valueOf));
  }

  @Override
  public int pruneOffers(Instant endedBefore) {
    return store.inTransaction(t -> ((JdbcTransaction) t).execute("pruning ended offers",
        "DELETE FROM oc_route_offer WHERE state <> 'PENDING' AND ended_at < ?",
        Sql.nanos(endedBefore)));
  }

  @Override
  public void putWaiting(StoreTransaction t, WaitingEntry e) {
    JdbcTransaction tx = writable(t);
    // Update, else insert: an interaction is routed under its conversation's lock and the
    // router's, so two engines never put the same one at once; a lost race is retried.
    if (tx.execute("queueing an interaction", "UPDATE oc_route_waiting SET queue_id = ?, "
        + "priority = ?, enqueued_at = ? WHERE interaction_id = ?", e.queue().value(), e.priority(),
        Sql.nanos(e.enqueuedAt()), e.interaction().value()) == 0) {
      tx.execute("queueing an interaction", "INSERT INTO oc_route_waiting (interaction_id, "
          + "queue_id, priority, enqueued_at) VALUES (?, ?, ?, ?)", e.interaction().value(),
          e.queue().value(), e.priority(), Sql.nanos(e.enqueuedAt()));
    }
  }

  @Override
  public boolean removeWaiting(StoreTransaction t, InteractionId interaction) {
    return writable(t).execute("unqueueing an interaction",
        "DELETE FROM oc_route_waiting WHERE interaction_id = ?", interaction.value()) == 1;
  }

  @Override
  public Optional<WaitingEntry> findWaiting(StoreTransaction t, InteractionId interaction) {
    return ((JdbcTransaction) t).queryOne("reading a queue entry", SELECT_WAITING
        + "WHERE interaction_id = ?", JdbcRoutingLedger::entry, interaction.value());
  }

  @Override
  public List<WaitingEntry> waiting(StoreTransaction t) {
    return ((JdbcTransaction) t).query("reading queue entries", SELECT_WAITING
        + "ORDER BY priority DESC, enqueued_at, interaction_id", JdbcRoutingLedger::entry);
  }

  private static WaitingEntry entry(ResultSet rs) throws SQLException {
    return new WaitingEntry(InteractionId.of(rs.getString(1)), QueueId.of(rs.getString(2)),
        rs.getInt(3), Sql.instant(rs.getLong(4)));
  }

  @Override
  public Queue createQueue(StoreTransaction t, Queue queue) {
    JdbcTransaction tx = writable(t);
    if (findQueue(tx, queue.id()).isPresent()) {
      throw new InvalidInputException("queue " + queue.id()
          + " already exists; use update() to change it");
    }
    Queue stored = queue.withVersion(0);
    tx.execute("storing a queue", "INSERT INTO oc_route_queue (id, version, body) VALUES (?, ?, ?)",
        queue.id().value(), 0L, QueueJson.write(stored));
    return stored;
  }

  @Override
  public Queue updateQueue(StoreTransaction t, Queue queue) {
    JdbcTransaction tx = writable(t);
    Queue stored = queue.withVersion(queue.version() + 1);
    int n = tx.execute("updating a queue", "UPDATE oc_route_queue SET version = ?, body = ? "
        + "WHERE id = ? AND version = ?", stored.version(), QueueJson.write(stored),
        queue.id().value(), queue.version());
    if (n == 1) {
      return stored;
    }
    Optional<Queue> current = findQueue(tx, queue.id());
    if (current.isEmpty()) {
      throw new NotFoundException("no queue " + queue.id() + "; create it with queues().create(...)");
    }
    throw new ConcurrentUpdateException("queue " + queue.id() + " was changed by someone else "
        + "(version " + current.get().version() + ", yours " + queue.version()
        + "); read it again and retry");
  }

  @Override
  public Optional<Queue> findQueue(StoreTransaction t, QueueId queue) {
    return ((JdbcTransaction) t).queryOne("reading a queue", "SELECT id, version, body FROM "
        + "oc_route_queue WHERE id = ?", rs -> QueueJson.read(rs.getString(1), rs.getLong(2),
        rs.getString(3)), queue.value());
  }

  @Override
  public List<Queue> queues(StoreTransaction t) {
    return ((JdbcTransaction) t).query("reading queues", "SELECT id, version, body FROM "
        + "oc_route_queue ORDER BY id", rs -> QueueJson.read(rs.getString(1), rs.getLong(2),
        rs.getString(3)));
  }

  @Override
  public Optional<Long> acquireLease(String node, Instant now, Instant until) {
    Objects.requireNonNull(node, "node");
    try {
      return store.inTransaction(t -> {
        JdbcTransaction tx = (JdbcTransaction) t;
        int taken = tx.execute("taking the router lease", "UPDATE oc_router_lease SET node = ?, "
            + "epoch = epoch + 1, expires_at = ? WHERE id = 1 AND expires_at <= ?", node,
            Sql.nanos(until), Sql.nanos(now));
        if (taken == 0) {
          return Optional.<Long>empty();
        }
        return tx.queryOne("reading the router lease", "SELECT epoch FROM oc_router_lease "
            + "WHERE id = 1", rs -> rs.getLong(1));
      });
    } catch (ConcurrentUpdateException e) {
      return Optional.empty(); // another engine took it at the same moment (H2)
    }
  }

  @Override
  public boolean renewLease(String node, long epoch, Instant until) {
    try {
      return store.inTransaction(t -> ((JdbcTransaction) t).execute("renewing the router lease",
          "UPDATE oc_router_lease SET expires_at = ? WHERE id = 1 AND node = ? AND epoch = ?",
          Sql.nanos(until), node, epoch) == 1);
    } catch (ConcurrentUpdateException e) {
      return false; // taken over at this moment (H2 reports the loser so)
    }
  }

  @Override
  public void releaseLease(String node, long epoch) {
    store.inTransaction(t -> ((JdbcTransaction) t).execute("releasing the router lease",
        "UPDATE oc_router_lease SET expires_at = 0 WHERE id = 1 AND node = ? AND epoch = ?",
        node, epoch));
  }

  @Override
  public RouterLease lease() {
    return store.read(t -> ((JdbcTransaction) t).queryOne("reading the router lease",
        "SELECT node, epoch, expires_at, changes FROM oc_router_lease WHERE id = 1",
        rs -> new RouterLease(rs.getString(1), rs.getLong(2), Sql.instant(rs.getLong(3)),
            rs.getLong(4)))
        .orElseThrow(() -> new JdbcStoreException("oc_router_lease has no row; the schema "
            + "migration V3__routing inserts it")));
  }

  @Override
  public boolean fence(StoreTransaction t, String node, long epoch) {
    return writable(t).queryOne("checking the router lease", "SELECT epoch FROM oc_router_lease "
        + "WHERE id = 1 AND node = ? AND epoch = ? FOR UPDATE", rs -> rs.getLong(1), node, epoch)
        .isPresent();
  }
}
