package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.OutboxClaims;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

/**
 * What sharing a PostgreSQL database between engines costs one engine: inbound ingest with and
 * without {@code clusterEvents} (each transaction also numbers and logs its events, and notifies),
 * and one outbox claim taken and released, the store work the dispatcher adds to each send.
 *
 * <p>Needs PostgreSQL like {@link JdbcIngestBenchmark} ({@code OPENCHANNEL_BENCH_POSTGRESQL}).
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include JdbcCluster --quick
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JdbcClusterBenchmark {
  private static final AccountId ACCOUNT = AccountId.of("web");
  private static final String TEXT = "Hi! Where is my order? It was due yesterday.";

  /** Whether the store logs events for other engines. */
  @Param({"false", "true"})
  public boolean clusterEvents;

  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private BenchSchema schema;
  private OpenChannel oc;
  private OutboxClaims claims;
  private InteractionId claimed;
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    schema = BenchSchema.create();
    JdbcStore store = JdbcStore.builder(schema.dataSource()).clusterEvents(clusterEvents).build();
    claims = store.outboxClaims();
    oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .cluster(ClusterOptions.defaults().withNodeId("bench"))
        .scheduler((delay, task) -> () -> true).build();
    oc.accounts().create(Account.of(ACCOUNT, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    claimed = oc.receive(ACCOUNT, InboundMessage.text("first", SenderProfile.of("first"), TEXT,
        now)).interaction().id();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    oc.close();
    schema.close();
  }

  /** One inbound message through the engine, with or without the event log. */
  @Benchmark
  public InteractionId ingest() {
    long m = n++;
    return oc.receive(ACCOUNT, InboundMessage.text("mid-" + m,
        SenderProfile.of("customer-" + (m % 1_000)), TEXT, now)).interaction().id();
  }

  /** An outbox claim taken and released: two short transactions. */
  @Benchmark
  public boolean claimAndRelease() {
    Instant at = Instant.now();
    boolean got = claims.tryClaim(claimed, "bench", at, at.plusSeconds(60)).isPresent();
    claims.release(claimed, "bench", 0, Optional.empty());
    return got;
  }
}
