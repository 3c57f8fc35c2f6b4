package io.openchannel.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A PostgreSQL schema of a benchmark trial's own, with a connection pool on it, dropped by
 * {@link #close}: trials never see each other's rows, and a crashed trial leaves one schema named
 * {@code oc_bench_...} behind at most.
 *
 * <p>The server is {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} unless the
 * environment variable {@code OPENCHANNEL_BENCH_POSTGRESQL} gives another URL (an environment
 * variable reaches JMH's forked JVM, a system property does not).
 */
final class BenchSchema implements AutoCloseable {
  private final String name = "oc_bench_"
      + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  private final JdbcConnectionPool pool;
  private JdbcConnectionPool rewritingPool;

  private BenchSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    pool = JdbcConnectionPool.create(source(false));
  }

  private PGConnectionPoolDataSource source(boolean rewriteBatchedInserts) {
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(url());
    pg.setCurrentSchema(name);
    pg.setReWriteBatchedInserts(rewriteBatchedInserts);
    return pg;
  }

  /** Makes a new schema and a pool whose connections use it. */
  static BenchSchema create() throws SQLException {
    return new BenchSchema();
  }

  /** Connections to the schema, pooled. */
  DataSource dataSource() {
    return pool;
  }

  /**
   * A second pool on the schema whose driver rewrites batched inserts into multi-row
   * {@code VALUES}: the best a plain JDBC batch can do, for floors to compare the engine with.
   */
  DataSource rewritingDataSource() {
    if (rewritingPool == null) {
      rewritingPool = JdbcConnectionPool.create(source(true));
    }
    return rewritingPool;
  }

  /** The URL of the server (not of the schema). */
  static String url() {
    String url = System.getenv("OPENCHANNEL_BENCH_POSTGRESQL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  }

  /** Closes the pool and drops the schema with everything in it. */
  @Override
  public void close() throws SQLException {
    pool.dispose();
    if (rewritingPool != null) {
      rewritingPool.dispose();
    }
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }
}
