package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each strategy picks the agent it promises; queue order is priority, then age. */
class StrategiesTest {
  private final RoutingFixture f = new RoutingFixture();

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  /** Offers, accepts and closes one interaction; returns who got it. */
  private AgentId cycle(List<AgentId> agents, String sender, boolean close) {
    InteractionId id = f.customerWrites(sender);
    AgentId got = agents.stream().filter(a -> !f.offers(a).isEmpty()).findFirst().orElseThrow();
    f.oc.routing().accept(f.onlyOffer(got).id());
    if (close) {
      f.oc.desk(got).close(id);
    }
    return got;
  }

  @Test
  void linearAlwaysStartsWithTheFirstMemberByPenalty() {
    List<AgentId> a = f.agents(5, "ann", "bob", "cid");
    f.oc.queues().create(Queue.of(SALES, "sales", List.of(new QueueMember(a.get(0), 2),
        new QueueMember(a.get(1), 1), new QueueMember(a.get(2), 1))).withStrategy(RoutingStrategy.LINEAR));
    f.accounts();

    assertThat(List.of(cycle(a, "c1", true), cycle(a, "c2", true), cycle(a, "c3", false),
        cycle(a, "c4", false))).containsExactly(a.get(1), a.get(1), a.get(1), a.get(1));
  }

  @Test
  void roundRobinContinuesAfterTheLastAgentPicked() {
    List<AgentId> a = f.agents(5, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.ROUND_ROBIN, a);

    List<AgentId> got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      got.add(cycle(a, "c" + i, true));
    }

    assertThat(got).containsExactly(a.get(0), a.get(1), a.get(2), a.get(0), a.get(1));
  }

  @Test
  void leastRecentPicksWhoseLastAssignmentIsOldest() {
    List<AgentId> a = f.agents(5, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.LEAST_RECENT, a);

    List<AgentId> got = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      got.add(cycle(a, "c" + i, false));
    }

    // Never assigned counts as oldest (member order breaks ties), then the oldest assignment.
    assertThat(got).containsExactly(a.get(0), a.get(1), a.get(2), a.get(0));
  }

  @Test
  void fewestInteractionsBalancesTheLoad() {
    List<AgentId> a = f.agents(5, "ann", "bob", "cid");
    f.queue(SALES, RoutingStrategy.FEWEST_INTERACTIONS, a);
    InteractionId first = f.customerWrites("c0");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());
    cycle(a, "c1", false); // bob
    cycle(a, "c2", false); // cid
    f.oc.desk(a.get(0)).close(first); // ann now has 0, bob and cid 1

    assertThat(cycle(a, "c3", false)).isEqualTo(a.get(0));
    assertThat(cycle(a, "c4", false)).isEqualTo(a.get(1)); // all at 1: least recently assigned
  }

  @Test
  void randomIsReproducibleWithASeedAndPicksOnlyEligibleAgents() {
    List<AgentId> first = pickRandomly(new RoutingFixture());
    List<AgentId> second = pickRandomly(new RoutingFixture());

    assertThat(first).isEqualTo(second);
    assertThat(first).hasSize(20).doesNotHaveDuplicates();
  }

  private static List<AgentId> pickRandomly(RoutingFixture fx) {
    List<AgentId> a = fx.agents(1, "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9",
        "b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
    fx.queue(SALES, RoutingStrategy.RANDOM, a);
    List<AgentId> got = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fx.customerWrites("c" + i);
      AgentId offered = a.stream().filter(x -> !fx.offers(x).isEmpty() && !got.contains(x))
          .findFirst().orElseThrow();
      got.add(offered); // capacity 1: each agent is offered once
    }
    fx.assertConsistent();
    return got;
  }

  @Test
  void waitingWorkIsOfferedOldestFirst() {
    List<AgentId> a = f.agents(1, "ann");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.oc.routing().setPresence(a.get(0), Presence.PAUSED);
    InteractionId c1 = f.customerWrites("c1");
    InteractionId c2 = f.customerWrites("c2");
    InteractionId c3 = f.customerWrites("c3");
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(c1, c2, c3);

    f.oc.routing().setPresence(a.get(0), Presence.AVAILABLE);

    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(c1);
    assertThat(f.oc.routing().waiting(SALES)).containsExactly(c2, c3);
  }

  @Test
  void aFreedAgentTakesTheHigherPriorityQueueFirst() {
    List<AgentId> a = f.agents(1, "ann");
    QueueId vip = QueueId.of("vip");
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    f.oc.queues().create(Queue.of(vip, "vip", List.of(QueueMember.of(a.get(0)))).withPriority(5));
    f.oc.accounts().create(io.openchannel.account.Account.of(io.openchannel.account.AccountId.of("vip-fb"),
        io.openchannel.account.ChannelType.FACEBOOK_MESSENGER, "VIP",
        io.openchannel.account.AccountSettings.builder().queue(vip).build()));
    f.oc.routing().setPresence(a.get(0), Presence.PAUSED);
    f.customerWrites("c1");
    InteractionId vipWork = f.customerWrites(io.openchannel.account.AccountId.of("vip-fb"), "v1", "VIP here");

    f.oc.routing().setPresence(a.get(0), Presence.AVAILABLE);

    assertThat(f.onlyOffer(a.get(0)).interaction()).isEqualTo(vipWork);
  }

  @Test
  void requiredSkillsKeepUnskilledMembersOut() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    f.oc.agents().update(f.oc.agents().get(a.get(1)).withSkills(java.util.Set.of("french")));
    f.oc.queues().create(Queue.of(SALES, "sales", List.of(QueueMember.of(a.get(0)),
        QueueMember.of(a.get(1)))).withRequiredSkills(java.util.Set.of("french")));
    f.accounts();

    f.customerWrites("c1");

    assertThat(f.offers(a.get(0))).isEmpty();
    assertThat(f.offers(a.get(1))).hasSize(1);
  }
}
