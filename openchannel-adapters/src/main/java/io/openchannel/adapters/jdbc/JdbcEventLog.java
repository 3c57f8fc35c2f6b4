package io.openchannel.adapters.jdbc;

import io.openchannel.event.EventJson;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.store.EventLog;
import io.openchannel.spi.store.LoggedEvent;
import io.openchannel.spi.store.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The event log in {@code oc_event}. An append takes the next numbers from the one row of
 * {@code oc_event_head} with an {@code UPDATE}, whose row lock it holds until its transaction
 * commits: appends commit one after another in {@code seq} order, so a reader never sees seq n
 * before an earlier one (no gaps to wait for). The cost is that transactions with events
 * serialise on that row for the moment between their last write and their commit. On PostgreSQL
 * the append also sends {@code NOTIFY openchannel_events} (delivered at commit), which
 * {@link PgEventWakeUps} turns into a wake-up; MariaDB and H2 readers poll.
 */
final class JdbcEventLog implements EventLog {
  /** The PostgreSQL channel engines listen on. */
  static final String CHANNEL = "openchannel_events";

  private final JdbcStore store;
  private final DataSource dataSource;
  private final Dialect dialect;
  private final Duration retention;

  JdbcEventLog(JdbcStore store, DataSource dataSource, Dialect dialect, Duration retention) {
    this.store = store;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.retention = retention;
  }

  @Override
  public void append(StoreTransaction t, String origin, List<OpenChannelEvent> events) {
    Objects.requireNonNull(origin, "origin");
    if (events.isEmpty()) {
      return;
    }
    JdbcTransaction tx = (JdbcTransaction) t;
    tx.execute("numbering events", "UPDATE oc_event_head SET seq = seq + ? WHERE id = 1",
        events.size());
    long last = tx.queryOne("numbering events", "SELECT seq FROM oc_event_head WHERE id = 1",
        rs -> rs.getLong(1)).orElseThrow();
    long seq = last - events.size();
    List<Object[]> rows = new ArrayList<>();
    for (OpenChannelEvent event : events) {
      rows.add(new Object[] {++seq, origin,
          Sql.text(event.interactionId().map(i -> i.value())), Sql.nanos(event.at()),
          EventJson.toJson(event)});
    }
    // One statement for a whole batch of inbound messages' events on PostgreSQL.
    Bulk.insertRows(tx, "logging events", "oc_event",
        new String[] {"seq", "origin", "interaction_id", "created_at", "body"}, rows);
    if (dialect == Dialect.POSTGRESQL) {
      tx.query("notifying other engines", "SELECT pg_notify('" + CHANNEL + "', '')", rs -> 0);
    }
  }

  @Override
  public List<LoggedEvent> readAfter(long after, int limit) {
    return store.read(t -> ((JdbcTransaction) t).query("reading events", "SELECT seq, origin, "
        + "body FROM oc_event WHERE seq > ? ORDER BY seq LIMIT ?",
        rs -> new LoggedEvent(rs.getLong(1), rs.getString(2), EventJson.fromJson(rs.getString(3))),
        after, limit));
  }

  @Override
  public long head() {
    return store.read(t -> ((JdbcTransaction) t).queryOne("reading the event log's head",
        "SELECT seq FROM oc_event_head WHERE id = 1", rs -> rs.getLong(1)).orElse(0L));
  }

  @Override
  public OptionalLong cursor(String node) {
    return store.read(t -> ((JdbcTransaction) t).queryOne("reading an event cursor",
        "SELECT seq FROM oc_event_cursor WHERE node_id = ?", rs -> rs.getLong(1), node))
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public void saveCursor(String node, long seq) {
    store.inTransaction(t -> {
      JdbcTransaction tx = (JdbcTransaction) t;
      // Only this node writes its row, so update-else-insert cannot race with itself.
      if (tx.execute("saving an event cursor",
          "UPDATE oc_event_cursor SET seq = ? WHERE node_id = ?", seq, node) == 0) {
        tx.execute("saving an event cursor",
            "INSERT INTO oc_event_cursor (node_id, seq) VALUES (?, ?)", node, seq);
      }
      return null;
    });
  }

  @Override
  public int prune(Instant now) {
    long before = Sql.nanos(now.minus(retention));
    return store.inTransaction(t -> ((JdbcTransaction) t).execute("pruning the event log",
        "DELETE FROM oc_event WHERE created_at < ?", before));
  }

  @Override
  public AutoCloseable onAppend(Runnable wake) {
    return dialect == Dialect.POSTGRESQL ? PgEventWakeUps.start(dataSource, wake) : () -> { };
  }
}
