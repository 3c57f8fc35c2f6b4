package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing cycle (inbound, offer, accept, close) with routing in PostgreSQL
 * ({@code clusterRouting(true)}): the engine holds the router lease, so each step also writes its
 * offers and queue entries in a transaction fenced by the lease, and the accept is decided in the
 * database. Compare with {@code RoutingBenchmark}, the same cycle in memory.
 *
 * <p>Needs PostgreSQL like {@link JdbcIngestBenchmark} ({@code OPENCHANNEL_BENCH_POSTGRESQL}).
 *
 * <pre>
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include JdbcClusterAccept --quick
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JdbcClusterAcceptBenchmark {
  private static final AccountId ACCOUNT = AccountId.of("web");
  private static final AgentId ANN = AgentId.of("ann");
  private static final String TEXT = "Hi! Where is my order? It was due yesterday.";

  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private BenchSchema schema;
  private OpenChannel oc;
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    schema = BenchSchema.create();
    // Runs what is due at once (the first router-lease tick: this engine routes) and never
    // what is due later (offer timeouts, renewals; nobody else wants the lease).
    oc = OpenChannel.builder()
        .store(JdbcStore.builder(schema.dataSource()).clusterRouting(true).build())
        .blobStore(BlobStore.inMemory()).cluster(ClusterOptions.defaults().withNodeId("bench"))
        .scheduler((delay, task) -> {
          if (delay.isZero()) {
            task.run();
          }
          return () -> true;
        }).build();
    oc.agents().create(Agent.of(ANN, "Ann").withCapacity(Map.of(ChannelType.GENERIC, 1_000)));
    oc.routing().setPresence(ANN, Presence.AVAILABLE);
    QueueId q = QueueId.of("support");
    oc.queues().create(Queue.of(q, "Support", List.of(QueueMember.of(ANN)))
        .withStrategy(RoutingStrategy.LINEAR));
    oc.accounts().create(Account.of(ACCOUNT, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").queue(q).build()));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    oc.close();
    schema.close();
  }

  /** A new customer's message is offered to Ann, who accepts it, then closes it. */
  @Benchmark
  public InteractionId cycle() {
    long m = n++;
    InteractionId x = oc.receive(ACCOUNT, InboundMessage.text("mid-" + m,
        SenderProfile.of("customer-" + m), TEXT, now)).interaction().id();
    Offer offer = oc.routing().pendingOffers(ANN).get(0);
    oc.routing().accept(offer.id());
    oc.close(x);
    return x;
  }
}
