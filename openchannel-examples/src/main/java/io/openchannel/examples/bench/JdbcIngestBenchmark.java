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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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

/**
 * Inbound ingest on PostgreSQL through the engine and {@link JdbcStore}, next to two floors in
 * the same run. One operation is one inbound message from one of 1,000 customers (after the first
 * round each joins its open interaction: the message, its search words, the interaction's last
 * message and the conversation's last inbound time are written). {@code engineIngestBatch} takes
 * them as a webhook delivery brings them, 100 messages from 100 customers per {@code receiveAll}
 * call and transaction; {@code engineIngest} one message per {@code receive} call and
 * transaction. Issue 7 asks the engine for at least half the floor's rate.
 *
 * <p>{@code floorSameRows} is the honest floor of {@code engineIngestBatch}: every row the
 * engine writes for the same 100 messages (see {@link IngestFloor}), by plain JDBC batches in one
 * transaction, on a connection with the driver's {@code reWriteBatchedInserts}.
 * {@code plainBatchInsert} is the older, message-only floor: the 100 message rows alone, nothing
 * of the words, interactions or conversations the engine must also write.
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

  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private BenchSchema schema;
  private DataSource pool;
  private DataSource floorPool;
  private OpenChannel oc;
  private InteractionId floorInteraction;
  private IngestFloor sameRows;
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    schema = BenchSchema.create();
    pool = schema.dataSource();
    // The floor gets the driver's best for plain batches: inserts rewritten to multi-row VALUES.
    floorPool = schema.rewritingDataSource();
    oc = OpenChannel.builder().store(JdbcStore.builder(pool).build())
        .blobStore(BlobStore.inMemory()).scheduler((delay, task) -> () -> true).build();
    oc.accounts().create(Account.of(ACCOUNT, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    floorInteraction = oc.receive(ACCOUNT, InboundMessage.text("floor-0",
        SenderProfile.of("floor", "Mia", "Rossi"), TEXT, now)).interaction().id();
    // floorSameRows' customers, each with its open interaction, as the engine's are after round 1
    List<String> addresses = new ArrayList<>(CUSTOMERS);
    List<InboundMessage> first = new ArrayList<>(BATCH);
    for (int i = 0; i < CUSTOMERS; i++) {
      addresses.add("floor-customer-" + i);
      first.add(InboundMessage.text("floor-first-" + i,
          SenderProfile.of(addresses.get(i), "Mia", "Rossi"), TEXT, now));
      if (first.size() == BATCH) {
        oc.receiveAll(ACCOUNT, first);
        first.clear();
      }
    }
    try (Connection c = pool.getConnection()) {
      sameRows = new IngestFloor(c, ACCOUNT.value(), addresses, TEXT);
    }
  }

  /**
   * When the channel says the message was sent: just before now, so each message moves its
   * conversation's last inbound time on, as live traffic does (a fixed time would let the engine
   * find the conversation unchanged, which real messages never are).
   */
  private static Instant sent() {
    return Instant.now().minusSeconds(1);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    oc.close();
    schema.close();
  }

  /** One inbound message through the engine: dedupe, contact, conversation, interaction, message. */
  @Benchmark
  public InteractionId engineIngest() {
    long m = n++;
    return oc.receive(ACCOUNT, InboundMessage.text("mid-" + m,
        SenderProfile.of("customer-" + (m % CUSTOMERS), "Mia", "Rossi"), TEXT, sent()))
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
          SenderProfile.of("customer-" + (m % CUSTOMERS), "Mia", "Rossi"), TEXT, sent()));
    }
    return oc.receiveAll(ACCOUNT, batch).size();
  }

  /**
   * The floor of {@code engineIngestBatch}: every row it writes for {@value #BATCH} messages from
   * {@value #BATCH} customers with open interactions (message, words, interaction, conversation),
   * written by plain JDBC batches in one transaction; see {@link IngestFloor}.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int floorSameRows() throws SQLException {
    long first = n;
    n += BATCH;
    Instant at = Instant.now();
    try (Connection c = floorPool.getConnection()) {
      return sameRows.write(c, first, BATCH, nanos(at), nanos(at.minusSeconds(1)));
    }
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  /** The message-only floor: the message rows alone, inserted by a plain JDBC batch. */
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
}
