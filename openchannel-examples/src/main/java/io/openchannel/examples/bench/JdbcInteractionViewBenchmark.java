package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * {@link InteractionViewBenchmark}'s views (the same 1,000,000 interactions, the same queries)
 * on PostgreSQL and MariaDB through {@link JdbcStore}: one first page with its total (exact up
 * to the query's default {@code exactTotalUpTo}, "more than" past it). Filling takes minutes,
 * so the data stays in the schema (PostgreSQL) or database (MariaDB) {@value #SCHEMA} for the
 * next run (drop it to start again). PostgreSQL as in {@link JdbcIngestBenchmark}
 * ({@code OPENCHANNEL_BENCH_POSTGRESQL}); MariaDB at 127.0.0.1:3306 as root.
 *
 * <pre>
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include JdbcInteractionView
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main \
 *     JdbcInteractionView -p database=postgresql
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcInteractionViewBenchmark {
  static final String SCHEMA = "oc_bench_view";

  @Param({"postgresql", "mariadb"})
  public String database;

  @Param({"all", "open-unread-on-account", "closed-by-agent-tagged", "started-last-week",
      "search-parcel", "search-and-filter"})
  public String view;

  private DataSource pool;
  private AutoCloseable closePool;
  private OpenChannel oc;
  private InteractionQuery query;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    boolean postgres = database.equals("postgresql");
    if (!postgres && !database.equals("mariadb")) {
      throw new IllegalArgumentException("database is postgresql or mariadb, not " + database);
    }
    execute(serverUrl(), "CREATE " + (postgres ? "SCHEMA" : "DATABASE") + " IF NOT EXISTS "
        + SCHEMA);
    if (postgres) {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(BenchSchema.url());
      pg.setCurrentSchema(SCHEMA);
      JdbcConnectionPool h2Pool = JdbcConnectionPool.create(pg);
      pool = h2Pool;
      closePool = h2Pool::dispose;
    } else {
      MariaDbPoolDataSource maria = new MariaDbPoolDataSource(mariaDbUrl(SCHEMA));
      pool = maria;
      closePool = maria::close;
    }
    Store store = JdbcStore.builder(pool).build();
    if (interactions() < InteractionViewBenchmark.INTERACTIONS) {
      String kind = postgres ? "SCHEMA " : "DATABASE ";
      execute(serverUrl(), "DROP " + kind + SCHEMA + (postgres ? " CASCADE" : ""));
      execute(serverUrl(), "CREATE " + kind + SCHEMA);
      store = JdbcStore.builder(pool).build();
      InteractionViewBenchmark.fill(store, 1_000);
      // Fresh statistics for the planner; on PostgreSQL VACUUM also sets the visibility map
      // (index-only scans).
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE TABLE oc_interaction, oc_message, "
            + "oc_message_word, oc_contact_word, oc_interaction_tag, oc_contact");
      }
    }
    oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).build();
    query = InteractionViewBenchmark.query(view);
  }

  private String serverUrl() {
    return database.equals("postgresql") ? BenchSchema.url() : mariaDbUrl("");
  }

  private static String mariaDbUrl(String databaseName) {
    return "jdbc:mariadb://127.0.0.1:3306/" + databaseName + "?user=root";
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long interactions() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM oc_interaction")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    oc.close();
    closePool.close();
  }

  /** The first page (50 rows) with contact, account and conversation joined, and the total. */
  @Benchmark
  public Page<InteractionRow> firstPage() {
    return oc.interactions().query(query);
  }
}
