package io.openchannel.routing;

import io.openchannel.TransitionTableAssert;
import static io.openchannel.routing.RoutingState.ASSIGNED;
import static io.openchannel.routing.RoutingState.CLOSED;
import static io.openchannel.routing.RoutingState.OFFERING;
import static io.openchannel.routing.RoutingState.QUEUED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingStateTest {
  /**
   * The table from DESIGN.md, written out independently of the enum's own: QUEUED→QUEUED is an
   * overflow, QUEUED→ASSIGNED and ASSIGNED→ASSIGNED are the host's explicit assign.
   */
  private static final Map<RoutingState, Set<RoutingState>> ALLOWED = Map.of(
      QUEUED, EnumSet.of(QUEUED, OFFERING, ASSIGNED, CLOSED),
      OFFERING, EnumSet.of(QUEUED, ASSIGNED, CLOSED),
      ASSIGNED, EnumSet.of(QUEUED, OFFERING, ASSIGNED, CLOSED),
      CLOSED, EnumSet.noneOf(RoutingState.class));

  @ParameterizedTest
  @EnumSource(RoutingState.class)
  void everyPairFollowsTheTable(RoutingState from) {
    TransitionTableAssert.assertFollows(from, ALLOWED, RoutingState::canMoveTo, RoutingState::moveTo);
  }
}
