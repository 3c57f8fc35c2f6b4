package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.FB;
import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch that opens interactions on an account with a queue routes each one as receiving its
 * messages one by one would: offers go out, and their events follow their message's events.
 */
class ReceiveAllRoutingTest {

  private static RoutingFixture withQueue() {
    RoutingFixture f = new RoutingFixture();
    f.queue(SALES, RoutingStrategy.LINEAR, f.agents(1, "ann", "bob"));
    f.events.clear();
    return f;
  }

  private static List<InboundMessage> delivery(RoutingFixture f) {
    return List.of(
        InboundMessage.text("m1", SenderProfile.of("psid-1"), "first", f.time.instant()),
        InboundMessage.text("m2", SenderProfile.of("psid-2"), "second", f.time.instant()),
        InboundMessage.text("m3", SenderProfile.of("psid-1"), "again", f.time.instant()),
        InboundMessage.text("m4", SenderProfile.of("psid-3"), "third", f.time.instant()));
  }

  @Test
  void offersOfABatchsNewInteractionsComeRightAfterTheirMessagesEvents() {
    RoutingFixture batched = withQueue();
    RoutingFixture oneByOne = withQueue();

    batched.oc.receiveAll(FB, delivery(batched));
    delivery(oneByOne).forEach(in -> oneByOne.oc.receive(FB, in));

    assertThat(kinds(batched.events)).isEqualTo(kinds(oneByOne.events))
        .contains("OfferCreated");
  }

  private static List<String> kinds(List<OpenChannelEvent> events) {
    synchronized (events) {
      return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
  }
}
