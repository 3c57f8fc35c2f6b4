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
import org.h2.jdbcx.JdbcConnectionPool;
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
 * on PostgreSQL through {@link JdbcStore}: one first page with its total. Filling takes minutes,
 * so the data stays in the schema {@value #SCHEMA} for the next run (drop it to start again).
 * PostgreSQL as in {@link JdbcIngestBenchmark} ({@code OPENCHANNEL_BENCH_POSTGRESQL}).
 *
 * <pre>
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include JdbcInteractionView
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

  @Param({"all", "open-unread-on-account", "closed-by-agent-tagged", "started-last-week",
      "search-parcel", "search-and-filter"})
  public String view;

  private JdbcConnectionPool pool;
  private OpenChannel oc;
  private InteractionQuery query;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    try (Connection c = DriverManager.getConnection(JdbcIngestBenchmark.url());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    }
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(JdbcIngestBenchmark.url());
    pg.setCurrentSchema(SCHEMA);
    pool = JdbcConnectionPool.create(pg);
    Store store = JdbcStore.builder(pool).build();
    if (interactions() < InteractionViewBenchmark.INTERACTIONS) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        s.execute("CREATE SCHEMA " + SCHEMA);
      }
      store = JdbcStore.builder(pool).build();
      InteractionViewBenchmark.fill(store, 1_000);
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE"); // sets the visibility map: index-only scans
      }
    }
    oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).build();
    query = InteractionViewBenchmark.query(view);
  }

  private long interactions() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM oc_interaction")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    oc.close();
    pool.dispose();
  }

  /** The first page (50 rows) with contact, account and conversation joined, and the total. */
  @Benchmark
  public Page<InteractionRow> firstPage() {
    return oc.interactions().query(query);
  }
}
