package io.openchannel.examples.bench;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.routing.Effects;
import io.openchannel.internal.routing.Router;
import io.openchannel.internal.routing.RouterTimers;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router alone (no store, no events to listeners): the cost of routing decisions as the
 * number of agents grows. All agents are in ONE queue, the worst case for the indexes (a queue of
 * 20 costs the same whatever the total), and {@code waiting} interactions already wait in a
 * second queue nobody is free for, so neither the agents nor the backlog may be scanned. One op
 * = enqueue (a routing decision) + accept (rescinds, re-indexes the agent) + close (frees the
 * agent, who is then offered waiting work: a second decision). Flat or logarithmic growth from
 * 1,000 to 100,000 agents is the target.
 *
 * <pre>
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main RouterDecisionBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouterDecisionBenchmark {
  @Param({"1000", "100000"})
  public int agents;

  @Param({"LEAST_RECENT", "ROUND_ROBIN", "FEWEST_INTERACTIONS"})
  public RoutingStrategy strategy;

  @Param({"100000"})
  public int waiting;

  private Router router;
  private long next;
  private final QueueId main = QueueId.of("main");

  @Setup
  public void setUp() {
    RouterTimers timers = new RouterTimers() {
      @Override
      public Scheduler.Cancellable offerTimeout(OfferId offer, Duration after) {
        return () -> true;
      }

      @Override
      public Scheduler.Cancellable maxWait(InteractionId x, long generation, Duration after) {
        return () -> true;
      }

      @Override
      public Scheduler.Cancellable backoff(InteractionId x, long token, Duration after) {
        return () -> true;
      }

      @Override
      public Scheduler.Cancellable unanswered(InteractionId x, long token, Duration after) {
        return () -> true;
      }
    };
    router = new Router(Clock.systemUTC(), timers, RoutingOptions.defaults().withRandomSeed(1),
        () -> Long.toString(next++));
    router.lock().lock(); // single-threaded: hold the lock for the whole run
    List<Agent> all = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      Agent a = Agent.of(AgentId.of("a" + i), "A" + i).withPresence(Presence.AVAILABLE)
          .withCapacity(Map.of(ChannelType.FACEBOOK_MESSENGER, 1, ChannelType.WHATSAPP, 0));
      router.putAgent(a, false, new Effects());
      all.add(a);
    }
    router.createQueue(Queue.of(main, "main", all.stream().map(a -> QueueMember.of(a.id())).toList())
        .withStrategy(strategy), all, new Effects());
    // A backlog nobody can take (WhatsApp capacity 0): it must never be scanned.
    QueueId backlog = QueueId.of("backlog");
    router.createQueue(Queue.of(backlog, "backlog", all.stream().map(a -> QueueMember.of(a.id())).toList()),
        all, new Effects());
    for (int i = 0; i < waiting; i++) {
      router.enqueueNew(new RoutingInfo(InteractionId.of("w" + i), AccountId.of("wa"),
          ChannelType.WHATSAPP, Optional.of(backlog), "Mia", "hi"), new Effects());
    }
  }

  @Benchmark
  public Object offerAcceptClose() {
    InteractionId id = InteractionId.of("x" + next++);
    Effects fx = new Effects();
    router.enqueueNew(new RoutingInfo(id, AccountId.of("fb"), ChannelType.FACEBOOK_MESSENGER,
        Optional.of(main), "Mia", "hi"), fx);
    OfferId offer = null;
    for (OpenChannelEvent e : fx.events()) {
      if (e instanceof OfferCreated o) {
        offer = o.offer();
      }
    }
    router.accept(offer, fx);
    router.closed(id, fx);
    return fx;
  }
}
