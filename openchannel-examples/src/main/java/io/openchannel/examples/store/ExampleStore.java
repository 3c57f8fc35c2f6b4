package io.openchannel.examples.store;

import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.spi.store.Store;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A {@link Store} for the examples and the pool behind it, closed together. How a host wires
 * {@link JdbcStore}: a pooled {@link DataSource} of its own choice, then
 * {@code JdbcStore.builder(dataSource).build()}, which creates or upgrades the tables.
 */
public final class ExampleStore implements AutoCloseable {
  private final Store store;
  private final String description;
  private final AutoCloseable pool;

  private ExampleStore(Store store, String description, AutoCloseable pool) {
    this.store = store;
    this.description = description;
    this.pool = pool;
  }

  static ExampleStore memory() {
    return new ExampleStore(Store.inMemory(), "in memory, gone when the process ends", () -> {});
  }

  /** An H2 database in {@code file} (H2 adds {@code .mv.db}), created if missing. */
  static ExampleStore h2File(Path file) {
    return h2("jdbc:h2:" + file.toAbsolutePath(), "H2 file " + file + ".mv.db");
  }

  static ExampleStore jdbc(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("jdbc:h2:")) {
        return h2(url, url);
      }
      if (lower.startsWith("jdbc:postgresql:")) {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        return jdbc(pool, url, pool::dispose);
      }
      if (lower.startsWith("jdbc:mariadb:")) {
        MariaDbPoolDataSource pool = new MariaDbPoolDataSource(url);
        return jdbc(pool, url, pool::close);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot use " + url + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("--jdbc-url " + url + " is not an H2 (jdbc:h2:), "
        + "PostgreSQL (jdbc:postgresql:) or MariaDB (jdbc:mariadb:) URL");
  }

  private static ExampleStore h2(String url, String description) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    return jdbc(pool, description, pool::dispose);
  }

  private static ExampleStore jdbc(DataSource pool, String description, AutoCloseable close) {
    try {
      return new ExampleStore(JdbcStore.builder(pool).build(), description, close);
    } catch (RuntimeException e) {
      try {
        close.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The store. */
  public Store store() {
    return store;
  }

  /** Where the state lives, for people. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the store's pool: " + e.getMessage(), e);
    }
  }
}
