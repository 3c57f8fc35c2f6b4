package io.openchannel.adapters.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN openchannel_events} on a connection of its own and a daemon thread that calls
 * the wake-up whenever notifications arrive. The PostgreSQL driver is the host's (the adapters
 * jar does not depend on it), so its {@code PGConnection.getNotifications(int)} is called
 * reflectively. A lost connection is opened again; readers poll meanwhile, so nothing is lost.
 */
final class PgEventWakeUps implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PgEventWakeUps.class);
  private static final int WAIT_MILLIS = 500;

  private final DataSource dataSource;
  private final Runnable wake;
  /** Counted down once by {@link #close}; a reconnect pause waits on it, so close ends it at once. */
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;

  private PgEventWakeUps(DataSource dataSource, Runnable wake) {
    this.dataSource = dataSource;
    this.wake = wake;
    this.thread = new Thread(this::run, "openchannel-listen");
    thread.setDaemon(true);
  }

  static PgEventWakeUps start(DataSource dataSource, Runnable wake) {
    PgEventWakeUps wakeUps = new PgEventWakeUps(dataSource, wake);
    wakeUps.thread.start();
    return wakeUps;
  }

  private void run() {
    while (!isClosed()) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + JdbcEventLog.CHANNEL);
        }
        Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
        Object pg = c.unwrap(pgConnection);
        Method get = pgConnection.getMethod("getNotifications", int.class);
        wake.run(); // anything appended before LISTEN took effect
        while (!isClosed()) {
          Object[] notes = (Object[]) get.invoke(pg, WAIT_MILLIS);
          if (notes != null && notes.length > 0) {
            wake.run();
          }
        }
      } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
        if (!isClosed()) {
          log.warn("LISTEN {} failed; engines poll until it works again", JdbcEventLog.CHANNEL, e);
          pause();
        }
      }
    }
  }

  /** Waits a second before reconnecting (a database that just went away), or until closed. */
  private void pause() {
    try {
      closed.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.countDown();
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
