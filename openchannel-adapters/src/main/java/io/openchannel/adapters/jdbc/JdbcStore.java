package io.openchannel.adapters.jdbc;

import io.openchannel.spi.store.EventLog;
import io.openchannel.spi.store.OutboxClaims;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link Store} in a relational database (H2, PostgreSQL or MariaDB) reached through a
 * {@link DataSource} the host supplies and configures (pool, credentials, driver). It passes the
 * same {@code StoreContract} kit as the in-memory store.
 *
 * <pre>{@code
 * Store store = JdbcStore.builder(dataSource).build();   // migrates the schema first
 * OpenChannel oc = OpenChannel.builder().store(store)...build();
 * }</pre>
 *
 * <p><b>Transactions.</b> {@link #inTransaction} runs on one connection at {@code READ
 * COMMITTED}: every update is {@code UPDATE ... WHERE id = ? AND version = ?}, so a lost update is
 * caught by the version whatever the isolation level, and unique constraints (inbound dedupe,
 * identities, conversation keys) settle races for unique values. A stricter level would add
 * serialization failures and, on MariaDB, gap-lock deadlocks without protecting anything more
 * that the versions do not. {@link #read} runs at {@code REPEATABLE READ}, read-only: one
 * snapshot for all its queries, which never blocks writers. A lost race, a unique value taken
 * first, a serialization failure or a deadlock is a
 * {@link io.openchannel.ConcurrentUpdateException} (the engine runs the work again); any other
 * database failure a {@link JdbcStoreException}.
 *
 * <p><b>The interactions view</b> ({@code InteractionRepository.query}) is answered in SQL:
 * keyset pages over (sort time, id) and a {@code COUNT(*)} of the same filters; tags and search
 * words live in indexed tables, the words and other searchable texts normalised in Java by
 * {@link io.openchannel.query.SearchText}, so every dialect gives the in-memory store's answers.
 *
 * <p><b>Batches.</b> The repositories' batch methods ({@code findAll}, {@code insertAll},
 * {@code updateAll}, {@code findByChannelMessageIds}, {@code findByKeys}), which the engine uses
 * for a batch of inbound messages, cost a few statements per batch: on PostgreSQL one per table,
 * the rows travelling as one array per column; on H2 JDBC batches and {@code IN} lists; on
 * MariaDB the same, except updates, which go one statement each because its driver may not
 * report a batch's update counts. In a write transaction {@code findAll} and {@code findByKeys}
 * lock the rows they return ({@code FOR UPDATE}, in sorted order): a batch reads what it is about
 * to update, and another engine's batch on the same conversations waits for it rather than
 * losing the optimistic race again and again.
 *
 * <p>Thread-safe: each call takes its own connection from the data source for the length of the
 * work, so size the pool for the threads that use the engine at once.
 */
public final class JdbcStore implements Store {
  /**
   * The transaction open on this thread, if any. A write inside a read, or a read inside a write,
   * is refused (as the SPI says); a nested call of the same kind runs as a transaction of its own
   * on another connection, as test fixtures sometimes do.
   */
  private static final ThreadLocal<JdbcTransaction> OPEN = new ThreadLocal<>();
  /** How long the event log keeps events unless told otherwise. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(1);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final int searchPickLimit;
  private final JdbcOutboxClaims outboxClaims;
  private final Optional<EventLog> eventLog;
  private final Optional<RoutingLedger> routingLedger;

  private JdbcStore(DataSource dataSource, Dialect dialect, Optional<Duration> eventRetention,
      int searchPickLimit, boolean clusterRouting) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.searchPickLimit = searchPickLimit;
    this.outboxClaims = new JdbcOutboxClaims(this, dialect);
    this.eventLog = eventRetention.map(r -> new JdbcEventLog(this, dataSource, dialect, r));
    this.routingLedger = clusterRouting ? Optional.of(new JdbcRoutingLedger(this))
        : Optional.empty();
  }

  /** A builder for a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The dialect this store speaks. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Outbox claims in the table {@code oc_outbox_claim}, shared by every engine on the database:
   * each queued message is sent by one engine at a time.
   */
  @Override
  public OutboxClaims outboxClaims() {
    return outboxClaims;
  }

  /**
   * With {@link Builder#clusterEvents(boolean)}: the event log in {@code oc_event}, through which
   * every engine on the database delivers the other engines' events to its listeners.
   */
  @Override
  public Optional<EventLog> eventLog() {
    return eventLog;
  }

  /**
   * With {@link Builder#clusterRouting(boolean)}: queues, offers, waiting work and the router
   * lease in the {@code oc_route_*} tables, so that every engine on the database routes as one.
   */
  @Override
  public Optional<RoutingLedger> routingLedger() {
    return routingLedger;
  }

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    return run(work, false);
  }

  @Override
  public <T> T read(Function<StoreTransaction, T> work) {
    return run(work, true);
  }

  private <T> T run(Function<StoreTransaction, T> work, boolean readOnly) {
    Objects.requireNonNull(work, "work");
    JdbcTransaction outer = OPEN.get();
    if (outer != null && outer.readOnly() != readOnly) {
      throw new IllegalStateException(readOnly
          ? "read() inside inTransaction() would not see the open writes; use the transaction "
              + "you were given"
          : "inTransaction() inside read() is not allowed; write outside the read");
    }
    Connection c = open(readOnly);
    JdbcTransaction tx = new JdbcTransaction(c, dialect, readOnly, searchPickLimit);
    OPEN.set(tx);
    try {
      T result;
      try {
        result = work.apply(tx);
      } catch (Throwable e) { // also a checked exception thrown sneakily: roll back whatever it is
        rollback(c, e);
        throw e;
      }
      tx.close();
      try {
        if (readOnly) {
          c.rollback();
        } else {
          c.commit();
        }
      } catch (SQLException e) {
        rollback(c, e);
        throw SqlErrors.translate(e, "committing");
      }
      return result;
    } finally {
      if (outer == null) {
        OPEN.remove();
      } else {
        OPEN.set(outer);
      }
      tx.close();
      try {
        c.close();
      } catch (SQLException ignored) {
        // the transaction ended above; a pool that cannot take the connection back logs it
      }
    }
  }

  private Connection open(boolean readOnly) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      c.setTransactionIsolation(readOnly
          ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
      return c;
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new JdbcStoreException("cannot open a " + dialect + " transaction: " + e.getMessage()
          + "; check that the database is up and the pool is large enough", e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Builds a {@link JdbcStore}; set-once, then {@link #build()}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private boolean migrate = true;
    private boolean clusterEvents;
    private boolean clusterRouting;
    private Duration eventRetention = DEFAULT_EVENT_RETENTION;
    private int searchPickLimit = TextSearch.DEFAULT_PICK_LIMIT;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** The database's dialect; detected from the connection when not set. */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Whether {@link #build()} runs {@link SchemaMigrator} (the default), or only checks that the
     * tables exist because the host runs the same scripts with Flyway or Liquibase.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Whether the engines on this database hear each other's events (default: no). With it,
     * every transaction that publishes events also writes them to {@code oc_event}, and each
     * engine delivers the events of the others to its own listeners, once each and in commit
     * order, woken by {@code LISTEN/NOTIFY} on PostgreSQL and polling on MariaDB and H2 (see
     * {@code ClusterOptions.eventPoll}). The price: transactions with events take turns on one
     * row between their last write and their commit, every event is written once more, and on
     * PostgreSQL each engine keeps one connection of the pool for {@code LISTEN}.
     */
    public Builder clusterEvents(boolean on) {
      this.clusterEvents = on;
      return this;
    }

    /**
     * Whether the engines on this database route as one (default: no; implies
     * {@link #clusterEvents(boolean)}). With it, queues, offers, the work waiting in queues and
     * the router lease live in the {@code oc_route_*} tables: one engine at a time (the lease
     * holder) decides who is offered what, any engine accepts, rejects, closes or changes
     * presence, and the database lets one accept of an offer win. Without it, routing lives in
     * each engine's memory and one engine should route.
     */
    public Builder clusterRouting(boolean on) {
      this.clusterRouting = on;
      return this;
    }

    /**
     * How long {@code oc_event} keeps events (default 1 day): an engine stopped for longer than
     * this misses the events in between when it restarts under the same node id.
     */
    public Builder eventRetention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative() || retention.isZero()) {
        throw new io.openchannel.InvalidInputException(
            "eventRetention must be positive, got " + retention);
      }
      this.eventRetention = retention;
      return this;
    }

    /** Tests only: {@link TextSearch}'s limit; 0 probes every search word, whatever its count. */
    Builder searchPickLimit(int limit) {
      this.searchPickLimit = limit;
      return this;
    }

    /**
     * The store, its schema migrated or checked.
     *
     * @throws JdbcStoreException if the database cannot be reached, is not supported, its
     *     schema cannot be migrated, or (with {@code migrate(false)}) its tables are missing
     */
    public JdbcStore build() {
      Dialect d = dialect != null ? dialect : detect();
      if (migrate) {
        SchemaMigrator.of(dataSource, d).migrate();
      } else {
        checkTables(d);
      }
      return new JdbcStore(dataSource, d,
          clusterEvents || clusterRouting ? Optional.of(eventRetention) : Optional.empty(),
          searchPickLimit, clusterRouting);
    }

    private Dialect detect() {
      try (Connection c = dataSource.getConnection()) {
        return Dialect.of(c);
      } catch (SQLException e) {
        throw new JdbcStoreException("cannot connect to the database to detect its dialect: "
            + e.getMessage(), e);
      }
    }

    private void checkTables(Dialect d) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.executeQuery("SELECT id FROM oc_message WHERE 1 = 0").close();
      } catch (SQLException e) {
        throw new JdbcStoreException("the openchannel tables are missing (" + e.getMessage()
            + "); run the scripts in classpath:" + d.migrationFolder()
            + " (Flyway: spring.flyway.locations / flyway.locations) or build with migrate(true)",
            e);
      }
    }
  }
}
