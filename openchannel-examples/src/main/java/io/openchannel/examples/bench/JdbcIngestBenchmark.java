package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Inbound ingest on PostgreSQL through the engine and {@link JdbcStore}, next to its floor in the
 * same run: a plain JDBC batch insert of the same message rows. One operation is one inbound
 * message from one of 1,000 customers (after the first round each joins its open interaction:
 * the message, its search words, the interaction's last message and the conversation are
 * written, as the engine always does). {@code engineIngestBatch} takes them as a webhook
 * delivery brings them, 100 messages from 100 customers per {@code receiveAll} call and
 * transaction; {@code engineIngest} one message per {@code receive} call and transaction. The
 * floor inserts the message rows only, 100 per batch and transaction. Issue 7 asks the engine
 * for at least half the floor's rate.
 *
 * <p>Needs PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} unless the
 * environment variable {@code OPENCHANNEL_BENCH_POSTGRESQL} gives another URL (an environment
 * variable reaches JMH's forked JVM, a system property does not). Each trial makes a schema of
 * its own and drops it.
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include JdbcIngest --quick
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JdbcIngestBenchmark {
  static final int CUSTOMERS = 1_000;
  static final int BATCH = 100;
  private static final AccountId ACCOUNT = AccountId.of("web");
  private static final String TEXT = "Hi! Where is my order? It was due yesterday.";

  private final String schema = "oc_bench_"
      + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private JdbcConnectionPool pool;
  private OpenChannel oc;
  private InteractionId floorInteraction;
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(url());
    pg.setCurrentSchema(schema);
    pool = JdbcConnectionPool.create(pg);
    oc = OpenChannel.builder().store(JdbcStore.builder(pool).build())
        .blobStore(BlobStore.inMemory()).scheduler((delay, task) -> () -> true).build();
    oc.accounts().create(Account.of(ACCOUNT, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    floorInteraction = oc.receive(ACCOUNT, InboundMessage.text("floor-0",
        SenderProfile.of("floor", "Mia", "Rossi"), TEXT, now)).interaction().id();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    oc.close();
    pool.dispose();
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** One inbound message through the engine: dedupe, contact, conversation, interaction, message. */
  @Benchmark
  public InteractionId engineIngest() {
    long m = n++;
    return oc.receive(ACCOUNT, InboundMessage.text("mid-" + m,
        SenderProfile.of("customer-" + (m % CUSTOMERS), "Mia", "Rossi"), TEXT, now))
        .interaction().id();
  }

  /**
   * A webhook delivery's worth through the engine: {@value #BATCH} inbound messages from
   * {@value #BATCH} different customers in one {@link OpenChannel#receiveAll} call, each with all
   * the engine stores for it (message, search words, interaction, conversation).
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int engineIngestBatch() {
    List<InboundMessage> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long m = n++;
      batch.add(InboundMessage.text("mid-" + m,
          SenderProfile.of("customer-" + (m % CUSTOMERS), "Mia", "Rossi"), TEXT, now));
    }
    return oc.receiveAll(ACCOUNT, batch).size();
  }

  /** The floor: the same message rows, inserted by a plain JDBC batch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int plainBatchInsert() throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO oc_message (id, seq, "
          + "interaction_id, account_id, direction, kind, body, body_norm, auto_reply, canned, "
          + "channel_message_id, created_at, version) VALUES (?, nextval('oc_seq'), ?, ?, 'IN', "
          + "'TEXT', ?, ?, FALSE, FALSE, ?, ?, 0)")) {
        for (int i = 0; i < BATCH; i++) {
          long m = n++;
          ps.setString(1, "floor-msg-" + m);
          ps.setString(2, floorInteraction.value());
          ps.setString(3, ACCOUNT.value());
          ps.setString(4, TEXT);
          ps.setString(5, TEXT.toLowerCase(java.util.Locale.ROOT));
          ps.setString(6, "floor-mid-" + m);
          ps.setLong(7, now.getEpochSecond() * 1_000_000_000L);
          ps.addBatch();
        }
        int rows = ps.executeBatch().length;
        c.commit();
        return rows;
      }
    }
  }

  static String url() {
    String url = System.getenv("OPENCHANNEL_BENCH_POSTGRESQL");
    return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  }
}
