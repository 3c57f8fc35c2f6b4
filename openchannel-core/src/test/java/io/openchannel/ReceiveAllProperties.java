package io.openchannel;

import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import io.openchannel.message.Direction;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random deliveries (few senders and few channel message ids, so duplicates inside and between
 * batches are common; some batches followed by the close of a sender's interaction, so later
 * messages open new ones) give the same results, events and stored messages whether each batch
 * goes through {@link OpenChannel#receiveAll} or its messages through {@link OpenChannel#receive}
 * one by one.
 */
class ReceiveAllProperties {
  private static final int SENDERS = 3;

  /** One message: who writes and which channel message id it carries. */
  record Sent(int sender, int channelId) {}

  /** One delivery, and whose interaction is closed after it (-1: nobody's). */
  record Delivery(List<Sent> messages, int closeAfter) {}

  @Property(tries = 150)
  void aBatchMeansWhatItsMessagesOneByOneMean(@ForAll("deliveries") List<Delivery> deliveries) {
    EngineFixture batched = new EngineFixture();
    EngineFixture oneByOne = new EngineFixture();
    List<String> batchResults = new ArrayList<>();
    List<String> loopResults = new ArrayList<>();

    for (Delivery delivery : deliveries) {
      for (ReceiveResult r : batched.oc.receiveAll(FB, messages(batched, delivery))) {
        batchResults.add(shape(r));
      }
      for (InboundMessage in : messages(oneByOne, delivery)) {
        loopResults.add(shape(oneByOne.oc.receive(FB, in)));
      }
      closeOpen(batched, delivery.closeAfter());
      closeOpen(oneByOne, delivery.closeAfter());
    }

    assertThat(batchResults).isEqualTo(loopResults);
    assertThat(eventShape(batched.events)).isEqualTo(eventShape(oneByOne.events));
    for (int s = 0; s < SENDERS; s++) {
      assertThat(stored(batched, s)).isEqualTo(stored(oneByOne, s));
    }
  }

  @Provide
  Arbitrary<List<Delivery>> deliveries() {
    Arbitrary<Sent> sent = Combinators.combine(Arbitraries.integers().between(0, SENDERS - 1),
        Arbitraries.integers().between(0, 7)).as(Sent::new);
    Arbitrary<Delivery> delivery = Combinators.combine(sent.list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.integers().between(-1, SENDERS - 1)).as(Delivery::new);
    return delivery.list().ofMinSize(1).ofMaxSize(5);
  }

  private static List<InboundMessage> messages(EngineFixture f, Delivery delivery) {
    List<InboundMessage> messages = new ArrayList<>();
    for (Sent s : delivery.messages()) {
      messages.add(InboundMessage.text("cid-" + s.channelId(),
          SenderProfile.of("psid-" + s.sender(), "Mia", "Rossi"),
          "text of cid-" + s.channelId() + " from " + s.sender(), f.clock.instant()));
    }
    return messages;
  }

  private static void closeOpen(EngineFixture f, int sender) {
    if (sender < 0) {
      return;
    }
    f.oc.contacts().findByIdentity(ChannelIdentity.of(FB, "psid-" + sender)).ifPresent(c ->
        f.oc.interactions().ofContact(c.id()).stream().filter(Interaction::isOpen)
            .forEach(i -> f.oc.close(i.id())));
  }

  private static String shape(ReceiveResult r) {
    return r.message().text() + "|new=" + r.newInteraction() + "|dup=" + r.duplicate() + "|v="
        + r.interaction().version() + "|last=" + r.interaction().lastMessage().orElseThrow().preview();
  }

  private static List<String> eventShape(List<OpenChannelEvent> events) {
    return events.stream().map(e -> e instanceof MessageAdded m
        ? "MessageAdded " + m.message().direction() + " " + m.message().text()
        : e.getClass().getSimpleName()).toList();
  }

  /** The sender's inbound texts, interaction by interaction, oldest interaction first. */
  private static List<List<String>> stored(EngineFixture f, int sender) {
    List<List<String>> all = new ArrayList<>();
    f.oc.contacts().findByIdentity(ChannelIdentity.of(FB, "psid-" + sender)).ifPresent(c -> {
      List<Interaction> interactions = new ArrayList<>(f.oc.interactions().ofContact(c.id()));
      java.util.Collections.reverse(interactions);
      for (Interaction i : interactions) {
        all.add(f.oc.interactions().messages(i.id()).stream()
            .filter(m -> m.direction() == Direction.IN).map(m -> m.text()).toList());
      }
    });
    return all;
  }
}
