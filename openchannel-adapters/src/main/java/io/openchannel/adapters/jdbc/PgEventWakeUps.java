package io.openchannel.adapters.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final AtomicBoolean closed = new AtomicBoolean();
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
    while (!closed.get()) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + JdbcEventLog.CHANNEL);
        }
        Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
        Object pg = c.unwrap(pgConnection);
        Method get = pgConnection.getMethod("getNotifications", int.class);
        wake.run(); // anything appended before LISTEN took effect
        while (!closed.get()) {
          Object[] notes = (Object[]) get.invoke(pg, WAIT_MILLIS);
          if (notes != null && notes.length > 0) {
            wake.run();
          }
        }
      } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
        if (!closed.get()) {
          log.warn("LISTEN {} failed; engines poll until it works again", JdbcEventLog.CHANNEL, e);
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000); // a database that just went away: do not spin on reconnects
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.set(true);
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
