package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.event.InteractionQueued;
import io.openchannel.interaction.InteractionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Re-routing an interaction whose agent has not answered the customer in time (off by default). */
class RerouteUnansweredTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private RoutingFixture f = new RoutingFixture(
      RoutingOptions.defaults().withRandomSeed(42).withRerouteUnanswered(FIVE_MINUTES));

  @AfterEach
  void indexesStayConsistent() {
    f.assertConsistent();
  }

  private InteractionId acceptedByFirst(List<AgentId> a) {
    f.queue(SALES, RoutingStrategy.LINEAR, a);
    InteractionId id = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());
    return id;
  }

  @Test
  void anAgentWhoDoesNotAnswerInTimeLosesTheInteractionToTheNextAgent() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);

    f.time.advance(FIVE_MINUTES.minusSeconds(1));
    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    f.time.advance(Duration.ofSeconds(1));

    assertThat(f.oc.interactions().get(id).owner()).isEmpty();
    assertThat(f.oc.interactions().get(id).firstAgent()).contains(a.get(0));
    assertThat(f.eventsOf(InteractionQueued.class)).extracting(InteractionQueued::cause)
        .containsExactly(InteractionQueued.Cause.NEW, InteractionQueued.Cause.UNANSWERED);
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
    assertThat(f.offers(a.get(0))).isEmpty();
  }

  @Test
  void anAnswerInTimeKeepsTheInteraction() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);
    f.time.advance(Duration.ofMinutes(4));

    f.oc.desk(a.get(0)).sendText(id, "Hello, looking into it");
    f.time.advance(Duration.ofHours(1));

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(f.offers(a.get(1))).isEmpty();
  }

  @Test
  void aNoteIsNotAnAnswer() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);

    f.oc.desk(a.get(0)).addNote(id, "will answer later");
    f.time.advance(FIVE_MINUTES);

    assertThat(f.oc.interactions().get(id).owner()).isEmpty();
    assertThat(f.onlyOffer(a.get(1)).interaction()).isEqualTo(id);
  }

  @Test
  void theNextAgentGetsTheirOwnFullTime() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);
    f.time.advance(FIVE_MINUTES);
    f.oc.routing().accept(f.onlyOffer(a.get(1)).id());

    f.time.advance(FIVE_MINUTES.minusSeconds(1));
    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(1));
    f.oc.desk(a.get(1)).sendText(id, "Hi!");
    f.time.advance(Duration.ofHours(1));

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(1));
  }

  @Test
  void aClosedInteractionIsNotReRouted() {
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);

    f.oc.desk(a.get(0)).close(id);
    f.time.advance(Duration.ofHours(1));

    assertThat(f.eventsOf(InteractionQueued.class)).hasSize(1);
    assertThat(f.offers(a.get(1))).isEmpty();
  }

  @Test
  void offByDefault() {
    f = new RoutingFixture();
    List<AgentId> a = f.agents(1, "ann", "bob");
    InteractionId id = acceptedByFirst(a);

    f.time.advance(Duration.ofDays(1));

    assertThat(f.oc.interactions().get(id).owner()).contains(a.get(0));
    assertThat(RoutingOptions.defaults().rerouteUnanswered()).isEqualTo(Optional.empty());
  }

  @Test
  void theDelayMustBePositive() {
    assertThatThrownBy(() -> RoutingOptions.defaults().withRerouteUnanswered(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rerouteUnanswered");
  }
}
