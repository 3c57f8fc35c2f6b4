package io.openchannel.routing;

import io.openchannel.TransitionTableAssert;
import static io.openchannel.routing.OfferState.ACCEPTED;
import static io.openchannel.routing.OfferState.PENDING;
import static io.openchannel.routing.OfferState.REJECTED;
import static io.openchannel.routing.OfferState.RESCINDED;
import static io.openchannel.routing.OfferState.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.interaction.InteractionId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfferStateTest {
  /** The table from DESIGN.md, written out independently of the enum's own. */
  private static final Map<OfferState, Set<OfferState>> ALLOWED = Map.of(
      PENDING, EnumSet.of(ACCEPTED, REJECTED, TIMED_OUT, RESCINDED),
      ACCEPTED, EnumSet.noneOf(OfferState.class),
      REJECTED, EnumSet.noneOf(OfferState.class),
      TIMED_OUT, EnumSet.noneOf(OfferState.class),
      RESCINDED, EnumSet.noneOf(OfferState.class));

  @ParameterizedTest
  @EnumSource(OfferState.class)
  void everyPairFollowsTheTable(OfferState from) {
    TransitionTableAssert.assertFollows(from, ALLOWED, OfferState::canMoveTo, OfferState::moveTo);
  }

  @ParameterizedTest
  @EnumSource(OfferState.class)
  void anEndedOfferNeverChangesAgain(OfferState end) {
    Offer pending = Offer.pending(OfferId.of("o1"), InteractionId.of("i1"), AgentId.of("ann"),
        QueueId.of("q"), Instant.EPOCH, Instant.EPOCH.plusSeconds(30));
    if (end == PENDING) {
      assertThat(pending.isPending()).isTrue();
      assertThat(pending.endedAt()).isEmpty();
      return;
    }
    Optional<RescindReason> reason = end == RESCINDED
        ? Optional.of(RescindReason.TAKEN_BY_OTHER_AGENT) : Optional.empty();
    Offer ended = pending.ended(end, Instant.EPOCH.plusSeconds(5), reason);

    assertThat(ended.state()).isEqualTo(end);
    assertThat(ended.endedAt()).contains(Instant.EPOCH.plusSeconds(5));
    for (OfferState next : OfferState.values()) {
      assertThatThrownBy(() -> ended.ended(next, Instant.EPOCH.plusSeconds(6), Optional.empty()))
          .isInstanceOf(IllegalTransitionException.class);
    }
  }
}
