package io.openchannel.routing;

import static io.openchannel.routing.RoutingFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.EventJson;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every routing event a real run produces survives its JSON form, with its type name. */
class RoutingEventsJsonTest {
  @Test
  void everyRoutingEventRoundTripsThroughJson() {
    RoutingFixture f = new RoutingFixture();
    List<AgentId> a = f.agents(1, "ann", "bob", "cid");
    QueueId support = QueueId.of("support");
    f.oc.queues().create(Queue.of(support, "support", List.of(QueueMember.of(a.get(2)))));
    f.queue(SALES, RoutingStrategy.RING_ALL, a.subList(0, 2));
    InteractionId c1 = f.customerWrites("c1");
    f.oc.routing().accept(f.onlyOffer(a.get(0)).id());           // accepted + rescinded
    f.customerWrites("c2");
    f.oc.routing().reject(f.onlyOffer(a.get(1)).id());            // rejected
    f.oc.desk(a.get(0)).transferToQueue(c1, support);             // transferred, queued
    f.customerWrites("c3");
    f.time.advance(Queue.DEFAULT_OFFER_TIMEOUT);                  // timed out
    f.oc.routing().setPresence(a.get(1), Presence.PAUSED);        // presence

    Set<Class<?>> types = f.events.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(types).contains(InteractionQueued.class, OfferCreated.class, OfferAccepted.class,
        OfferRejected.class, OfferTimedOut.class, OfferRescinded.class, InteractionTransferred.class,
        AgentPresenceChanged.class);
    for (OpenChannelEvent e : f.events) {
      String json = EventJson.toJson(e);
      assertThat(json).contains("\"type\":\"" + e.getClass().getSimpleName() + "\"");
      assertThat(EventJson.fromJson(json)).isEqualTo(e);
    }
  }
}
