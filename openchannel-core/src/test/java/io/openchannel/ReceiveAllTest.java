package io.openchannel;

import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenChannel#receiveAll}: a batch means what receiving its messages one by one means
 * (results, stored messages, events and their order, dedupe inside and between batches), and it
 * is all or nothing.
 */
class ReceiveAllTest {
  private final EngineFixture batched = new EngineFixture();
  private final EngineFixture oneByOne = new EngineFixture();

  private static InboundMessage text(EngineFixture f, String channelId, String sender, String text) {
    return InboundMessage.text(channelId, SenderProfile.of(sender, "Mia", "Rossi"), text,
        f.clock.instant());
  }

  /** New senders, a returning sender whose interaction was closed, repeats and duplicates. */
  private static List<InboundMessage> script(EngineFixture f) {
    return List.of(
        text(f, "m1", "psid-ann", "Hi"),
        text(f, "m2", "psid-bo", "Hello"),
        text(f, "m3", "psid-ann", "Where is my order?"),
        text(f, "m1", "psid-ann", "Hi"),
        text(f, "m0", "psid-old", "I am back"),
        text(f, "m4", "psid-bo", "Anyone?"),
        text(f, "m0", "psid-old", "I am back"));
  }

  private static void givenAnEarlierClosedInteraction(EngineFixture f) {
    InteractionId earlier = f.oc.receive(FB, text(f, "m-earlier", "psid-old", "Old question"))
        .interaction().id();
    f.oc.close(earlier);
    f.events.clear();
  }

  @Test
  void aBatchStoresAndTellsWhatReceivingItsMessagesOneByOneDoes() {
    givenAnEarlierClosedInteraction(batched);
    givenAnEarlierClosedInteraction(oneByOne);

    List<ReceiveResult> fromBatch = batched.oc.receiveAll(FB, script(batched));
    List<ReceiveResult> fromLoop = new ArrayList<>();
    for (InboundMessage in : script(oneByOne)) {
      fromLoop.add(oneByOne.oc.receive(FB, in));
    }

    assertThat(shape(fromBatch)).isEqualTo(shape(fromLoop));
    assertThat(eventShape(batched.events)).isEqualTo(eventShape(oneByOne.events));
    for (int i = 0; i < fromBatch.size(); i++) {
      assertThat(texts(batched, fromBatch.get(i).interaction().id()))
          .isEqualTo(texts(oneByOne, fromLoop.get(i).interaction().id()));
      assertThat(fromBatch.get(i).interaction().version())
          .as("the version the store holds now or held after message %d", i + 1)
          .isEqualTo(fromLoop.get(i).interaction().version());
    }
    assertThat(batched.oc.interactions().get(fromBatch.get(5).interaction().id()))
        .isEqualTo(fromBatch.get(5).interaction());
  }

  @Test
  void aChannelMessageIdSeenEarlierInTheBatchOrInAnEarlierBatchIsADuplicate() {
    List<ReceiveResult> first = batched.oc.receiveAll(FB, List.of(
        text(batched, "a", "psid-1", "one"), text(batched, "a", "psid-1", "one again")));
    List<ReceiveResult> second = batched.oc.receiveAll(FB, List.of(
        text(batched, "a", "psid-1", "one"), text(batched, "b", "psid-1", "two")));

    assertThat(first.get(1).duplicate()).isTrue();
    assertThat(first.get(1).message()).isEqualTo(first.get(0).message());
    assertThat(second.get(0).duplicate()).isTrue();
    assertThat(second.get(0).message().id()).isEqualTo(first.get(0).message().id());
    assertThat(second.get(1).duplicate()).isFalse();
    assertThat(texts(batched, second.get(1).interaction().id())).containsExactly("one", "two");
  }

  @Test
  void aMalformedMessageIsNamedAndNothingOfTheBatchIsStored() {
    List<InboundMessage> batch = List.of(text(batched, "a", "psid-1", "fine"),
        text(batched, "b", "psid-2", "x".repeat(70_000)));

    assertThatThrownBy(() -> batched.oc.receiveAll(FB, batch))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("message 2 of 2").hasMessageContaining("\"b\"");

    assertThat(batched.events).isEmpty();
    assertThat(batched.oc.contacts().findByIdentity(ChannelIdentity.of(FB, "psid-1"))).isEmpty();
  }

  @Test
  void aBatchThatFailsInsideItsTransactionLeavesNothingBehind() {
    ReceiveResult stored = batched.oc.receive(FB, text(batched, "old", "psid-1", "stored"));
    batched.oc.accounts().update(batched.oc.accounts().get(FB).withEnabled(false));
    batched.events.clear();
    List<InboundMessage> batch = List.of(text(batched, "old", "psid-1", "stored"),
        text(batched, "new", "psid-9", "not stored"));

    assertThatThrownBy(() -> batched.oc.receiveAll(FB, batch))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("message 2 of 2").hasMessageContaining("disabled");

    assertThat(batched.events).isEmpty();
    assertThat(texts(batched, stored.interaction().id())).containsExactly("stored");
    assertThat(batched.oc.contacts().findByIdentity(ChannelIdentity.of(FB, "psid-9"))).isEmpty();
  }

  @Test
  void anEmptyBatchStoresNothingAndANullMessageIsNamed() {
    assertThat(batched.oc.receiveAll(FB, List.of())).isEmpty();
    List<InboundMessage> withNull = new ArrayList<>();
    withNull.add(text(batched, "a", "psid-1", "fine"));
    withNull.add(null);

    assertThatThrownBy(() -> batched.oc.receiveAll(FB, withNull))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("message 2 of 2");
    assertThat(batched.events).isEmpty();
  }

  @Test
  void aBatchWrittenLaterJoinsTheOpenInteractionAndMarksItUnread() {
    ReceiveResult first = batched.oc.receive(FB, text(batched, "a", "psid-1", "one"));
    batched.clock.advance(Duration.ofMinutes(1));

    List<ReceiveResult> later = batched.oc.receiveAll(FB, List.of(
        text(batched, "b", "psid-1", "two"), text(batched, "c", "psid-1", "three")));

    assertThat(later).allSatisfy(r -> {
      assertThat(r.newInteraction()).isFalse();
      assertThat(r.interaction().id()).isEqualTo(first.interaction().id());
    });
    assertThat(later.get(1).interaction().lastMessage().orElseThrow().preview()).isEqualTo("three");
  }

  private static List<String> shape(List<ReceiveResult> results) {
    return results.stream().map(r -> r.message().text() + "|new=" + r.newInteraction()
        + "|dup=" + r.duplicate() + "|last=" + r.interaction().lastMessage().orElseThrow().preview())
        .toList();
  }

  /** The events' kinds, and for messages their direction and text: ids differ between engines. */
  private static List<String> eventShape(List<OpenChannelEvent> events) {
    return events.stream().map(e -> e instanceof MessageAdded m
        ? "MessageAdded " + m.message().direction() + " " + m.message().text()
        : e.getClass().getSimpleName()).toList();
  }

  private static List<String> texts(EngineFixture f, InteractionId id) {
    return f.oc.interactions().messages(id).stream()
        .filter(m -> m.direction() == Direction.IN).map(Message::text).toList();
  }
}
