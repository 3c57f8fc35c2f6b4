package io.openchannel.adapters.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.opentest4j.TestAbortedException;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A database of its own for tests: an H2 memory database, or a schema (PostgreSQL) or database
 * (MariaDB) with a random name on the local server, created and migrated on first use and dropped
 * when {@link #close()}d or, for the shared ones, when the JVM exits. So runs can overlap and
 * repeat and leave nothing behind.
 *
 * <p>Servers: PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, trust, database {@code test})
 * and MariaDB at 127.0.0.1:3306 (user {@code root}, no password); the system properties
 * {@code openchannel.test.postgresql} and {@code openchannel.test.mariadb} ({@code host:port})
 * point elsewhere.
 */
final class TestDatabase implements AutoCloseable {
  /** The engines the JDBC store runs on. */
  enum Engine { H2, POSTGRESQL, MARIADB }

  private static final Map<Engine, TestDatabase> SHARED = new EnumMap<>(Engine.class);
  private static final Map<Engine, String> ABSENT = new EnumMap<>(Engine.class);

  private final Engine engine;
  private final String name;
  private final DataSource pool;
  private final AutoCloseable disposer;
  private boolean dropped;

  private TestDatabase(Engine engine) {
    this.engine = engine;
    this.name = "oc_test_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    if (engine == Engine.MARIADB) {
      // MariaDB's own pool: its pooled connections do not hand themselves back to H2's pool.
      MariaDbPoolDataSource mariaDb = mariaDbPool();
      this.pool = mariaDb;
      this.disposer = mariaDb::close;
    } else {
      JdbcConnectionPool h2Pool = JdbcConnectionPool.create(create());
      h2Pool.setMaxConnections(32);
      this.pool = h2Pool;
      this.disposer = h2Pool::dispose;
    }
  }

  private MariaDbPoolDataSource mariaDbPool() {
    try {
      try (Connection c = admin(engine); Statement s = c.createStatement()) {
        // The server's default collation is case-insensitive: the tables must override it.
        s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
      }
      return new MariaDbPoolDataSource("jdbc:mariadb://" + address(engine) + "/" + name
          + "?user=root&maxPoolSize=32&minPoolSize=0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e, e);
    }
  }

  /**
   * The database of {@code engine} shared by this JVM's tests (made on first use, dropped at
   * exit). Skips or fails like {@link #require} when the server is absent.
   */
  static synchronized TestDatabase shared(Engine engine) {
    TestDatabase db = SHARED.get(engine);
    if (db == null) {
      require(engine);
      db = new TestDatabase(engine);
      TestDatabase made = db;
      Runtime.getRuntime().addShutdownHook(new Thread(made::close, "drop-" + made.name));
      SHARED.put(engine, db);
    }
    return db;
  }

  /** A new database of its own; the caller closes it, which drops it. */
  static TestDatabase fresh(Engine engine) {
    require(engine);
    return new TestDatabase(engine);
  }

  /**
   * Returns when {@code engine}'s server answers. Otherwise the test is skipped with a message
   * that says how to start the server (a JUnit assumption), or fails when the environment has
   * {@code CI=true}, where every server must be up.
   */
  static synchronized void require(Engine engine) {
    if (engine == Engine.H2) {
      return;
    }
    String absent = absence(engine);
    if (absent.isEmpty()) {
      return;
    }
    if (onCi()) {
      throw new AssertionError(absent + "; CI=true needs every database server (.ci/run starts "
          + "them)");
    }
    throw new TestAbortedException(absent + "; skipped (CI=true would fail instead)");
  }

  /** Empty when {@code engine}'s server answers (probed once per JVM), else why not. */
  static synchronized String absence(Engine engine) {
    return engine == Engine.H2 ? "" : ABSENT.computeIfAbsent(engine, TestDatabase::probe);
  }

  /** Whether the environment says {@code CI=true}: there a missing server is a failure. */
  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Empty when the server answers, else why not and how to start it. */
  private static String probe(Engine engine) {
    try (Connection c = admin(engine)) {
      return "";
    } catch (SQLException e) {
      return engine == Engine.POSTGRESQL
          ? "PostgreSQL is not reachable at " + address(engine) + " (" + e.getMessage()
              + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
              + "main start"
          : "MariaDB is not reachable at " + address(engine) + " (" + e.getMessage()
              + "); start it with: start-stop-daemon --start --oknodo --background --exec "
              + "/usr/sbin/mariadbd";
    }
  }

  private static String address(Engine engine) {
    return engine == Engine.POSTGRESQL
        ? System.getProperty("openchannel.test.postgresql", "127.0.0.1:5432")
        : System.getProperty("openchannel.test.mariadb", "127.0.0.1:3306");
  }

  private static Connection admin(Engine engine) throws SQLException {
    return engine == Engine.POSTGRESQL
        ? DriverManager.getConnection("jdbc:postgresql://" + address(engine)
            + "/test?user=postgres&connectTimeout=3")
        : DriverManager.getConnection("jdbc:mariadb://" + address(engine)
            + "/?user=root&connectTimeout=3000");
  }

  private ConnectionPoolDataSource create() {
    try {
      switch (engine) {
        case H2 -> {
          JdbcDataSource h2 = new JdbcDataSource();
          h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
          return h2;
        }
        case POSTGRESQL -> {
          try (Connection c = admin(engine); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
          }
          PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
          pg.setURL("jdbc:postgresql://" + address(engine) + "/test?user=postgres");
          pg.setCurrentSchema(name);
          return pg;
        }
        default -> throw new IllegalStateException(engine.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " on " + engine
          + ": " + e.getMessage(), e);
    }
  }

  Engine engine() {
    return engine;
  }

  /**
   * A JDBC URL of this PostgreSQL test database, for another process (whose engine must see the
   * same schema).
   */
  String postgresUrl() {
    if (engine != Engine.POSTGRESQL) {
      throw new IllegalStateException("only PostgreSQL test databases have a URL, not " + engine);
    }
    return "jdbc:postgresql://" + address(engine) + "/test?user=postgres&currentSchema=" + name;
  }

  DataSource dataSource() {
    return pool;
  }

  /** A store on this database with every table emptied first. */
  JdbcStore newEmptyStore() {
    return newEmptyStore(b -> b);
  }

  /** A store on this database with every table emptied first, routing in the database or not. */
  JdbcStore newEmptyStore(boolean clusterRouting) {
    return newEmptyStore(b -> b.clusterRouting(clusterRouting));
  }

  /** The same, built with {@code options}. */
  synchronized JdbcStore newEmptyStore(
      java.util.function.UnaryOperator<JdbcStore.Builder> options) {
    JdbcStore store = options.apply(JdbcStore.builder(pool)).build();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      for (String table : new String[] {"oc_route_offer", "oc_route_waiting", "oc_route_queue", "oc_outbox_claim", "oc_event", "oc_event_cursor", "oc_message_word", "oc_message", "oc_interaction_tag",
          "oc_interaction", "oc_conversation", "oc_contact_word", "oc_contact_field",
          "oc_contact_identity", "oc_contact", "oc_agent", "oc_account"}) {
        s.executeUpdate("DELETE FROM " + table);
      }
      s.executeUpdate("UPDATE oc_router_lease SET node = '', epoch = 0, expires_at = 0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty test database " + name + ": " + e, e);
    }
    return store;
  }

  @Override
  public synchronized void close() {
    if (dropped) {
      return;
    }
    dropped = true;
    try {
      switch (engine) {
        case H2 -> {
          try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
          }
        }
        case POSTGRESQL -> {
          dispose();
          try (Connection c = admin(engine); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
          }
        }
        case MARIADB -> {
          dispose();
          try (Connection c = admin(engine); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
          }
        }
      }
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    } finally {
      dispose();
    }
  }

  private void dispose() {
    try {
      disposer.close();
    } catch (Exception e) {
      System.err.println("could not close the pool of " + name + ": " + e);
    }
  }

  @Override
  public String toString() {
    return engine.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
