package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OfferCreated;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full routing cycle through the public API, in memory: a customer's message opens an
 * interaction, routing queues it and offers it to an agent, the agent accepts, then closes it.
 * 1,000 agents in 50 queues of 20 (one Messenger account per queue), capacity 1, so every
 * cycle's offer goes to the agent the strategy picks. Offer timers go to a scheduler that drops
 * them (timers are the scheduler's cost, not routing's). The store is rebuilt every iteration so
 * the heap does not fill with millions of closed interactions.
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main RoutingBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed, pre-touched heap, as a service would size it: the store grows by hundreds of megabytes
// per iteration, and on a virtual machine a heap that grows as it goes pays the host's first-touch
// page faults inside the collector's pauses, which made runs swing by half.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class RoutingBenchmark {
  static final int AGENTS = 1_000;
  static final int QUEUES = 50;
  /** Distinct customers per account; each one's previous interaction is closed when they write again. */
  static final int CUSTOMERS = 2_000;

  @Param({"LEAST_RECENT", "ROUND_ROBIN", "RING_ALL"})
  public RoutingStrategy strategy;

  private OpenChannel oc;
  private OfferId lastOffer;
  private AgentId lastAgent;
  private long cycle;
  private final List<AccountId> accounts = new ArrayList<>();
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  /** Real page-scoped ids look random; sequential ones would make every hash-keyed index collide. */
  private final String[] senders = new String[CUSTOMERS];

  @Setup(Level.Iteration)
  public void setUp() {
    if (oc != null) {
      oc.close();
    }
    accounts.clear();
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int i = 0; i < CUSTOMERS; i++) {
      senders[i] = Long.toString(random.nextLong(1_000_000_000_000_000L, 9_999_999_999_999_999L));
    }
    oc = OpenChannel.builder().blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true)
        .listener(e -> {
          if (e instanceof OfferCreated o) {
            lastOffer = o.offer();
            lastAgent = o.agent();
          }
        }).build();
    for (int q = 0; q < QUEUES; q++) {
      List<QueueMember> members = new ArrayList<>();
      for (int i = 0; i < AGENTS / QUEUES; i++) {
        AgentId id = AgentId.of("agent-" + q + "-" + i);
        oc.agents().create(Agent.of(id, "Agent " + q + "/" + i).withPresence(Presence.AVAILABLE)
            .withCapacity(Map.of(ChannelType.FACEBOOK_MESSENGER, 1)));
        members.add(QueueMember.of(id));
      }
      QueueId queue = QueueId.of("queue-" + q);
      oc.queues().create(Queue.of(queue, "Queue " + q, members).withStrategy(strategy));
      AccountId account = AccountId.of("fb-" + q);
      oc.accounts().create(Account.of(account, ChannelType.FACEBOOK_MESSENGER, "Page " + q,
          AccountSettings.builder().replyUrl("https://connector.example.com/reply").queue(queue).build()));
      accounts.add(account);
    }
  }

  /** One full cycle: inbound → queued → offered → accepted → closed. */
  @Benchmark
  public InteractionId fullCycle() {
    long n = cycle++;
    AccountId account = accounts.get((int) (n % QUEUES));
    String sender = senders[(int) ((n / QUEUES) % CUSTOMERS)];
    InteractionId id = oc.receive(account, InboundMessage.text("m" + n,
        SenderProfile.of(sender, "Mia", "Rossi"), "Where is my order?", now)).interaction().id();
    oc.routing().accept(lastOffer);
    oc.desk(lastAgent).close(id);
    return id;
  }
}
