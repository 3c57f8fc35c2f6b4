package io.openchannel.message;

import io.openchannel.TransitionTableAssert;
import static io.openchannel.message.DeliveryStatus.DELIVERED;
import static io.openchannel.message.DeliveryStatus.FAILED;
import static io.openchannel.message.DeliveryStatus.QUEUED;
import static io.openchannel.message.DeliveryStatus.READ;
import static io.openchannel.message.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStatusTest {
  /** The table from DESIGN.md, written out independently of the enum's own. */
  private static final Map<DeliveryStatus, Set<DeliveryStatus>> ALLOWED = Map.of(
      QUEUED, EnumSet.of(SENT, DELIVERED, READ, FAILED),
      SENT, EnumSet.of(DELIVERED, READ, FAILED),
      DELIVERED, EnumSet.of(READ),
      READ, EnumSet.noneOf(DeliveryStatus.class),
      FAILED, EnumSet.of(QUEUED, DELIVERED, READ));

  @ParameterizedTest
  @EnumSource(DeliveryStatus.class)
  void everyPairFollowsTheTable(DeliveryStatus from) {
    TransitionTableAssert.assertFollows(from, ALLOWED, DeliveryStatus::canMoveTo, DeliveryStatus::moveTo);
  }

  @ParameterizedTest
  @EnumSource(DeliveryStatus.class)
  void progressNeverGoesBack(DeliveryStatus from) {
    // Along QUEUED < SENT < DELIVERED < READ, no allowed move decreases.
    var order = java.util.List.of(QUEUED, SENT, DELIVERED, READ);
    for (DeliveryStatus to : ALLOWED.get(from)) {
      if (order.contains(from) && order.contains(to)) {
        assertThat(order.indexOf(to)).isGreaterThan(order.indexOf(from));
      }
    }
  }
}
