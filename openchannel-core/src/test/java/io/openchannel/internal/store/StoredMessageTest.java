package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link StoredMessage} gives back exactly the message it was made from, and after an update in
 * place exactly the new one, whatever its shape and whether its id packs.
 */
class StoredMessageTest {
  private static final InteractionId INTERACTION = InteractionId.of("i-1");
  private static final AccountId ACCOUNT = AccountId.of("acc");
  private static final AgentId ANN = AgentId.of("ann");

  @Provide
  Arbitrary<MessageId> ids() {
    Arbitrary<MessageId> packed = Arbitraries.longs().tuple2().map(t ->
        MessageId.of(PackedId.unpack(t.get1(), t.get2())));
    Arbitrary<MessageId> other = Arbitraries.strings().alpha().numeric().ofMinLength(1)
        .ofMaxLength(40).map(MessageId::of);
    return Arbitraries.oneOf(packed, other);
  }

  @Provide
  Arbitrary<Instant> times() {
    return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
  }

  /** One message of each shape the engine stores, with the given id, time and version. */
  private static List<Message> shapes(MessageId id, Instant at, long version) {
    MessageTemplate t = MessageTemplate.of("order_update", "en_US", "#42");
    return List.of(
        new Message(id, INTERACTION, ACCOUNT, Direction.IN, MessageKind.TEXT, "Where is my order?",
            Optional.empty(), Optional.empty(), false, false, Optional.of("mid.1"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at, version),
        new Message(id, INTERACTION, ACCOUNT, Direction.IN, MessageKind.VOICE, "",
            Optional.of(new Attachment(AttachmentId.of("blob-1"), "voice 🎤.ogg", "audio/ogg", 4096)),
            Optional.empty(), false, false, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), at, version),
        new Message(id, INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEXT, "Hello 👋 مرحبا",
            Optional.empty(), Optional.of(ANN), false, true, Optional.of("wamid.1"),
            Optional.of(DeliveryStatus.FAILED), Optional.of("outside the 24 h window"),
            Optional.empty(), Optional.of(SendDecision.Allowed.tagged(MessageTag.HUMAN_AGENT, at)),
            at, version),
        new Message(id, INTERACTION, ACCOUNT, Direction.OUT, MessageKind.NOTE, "a VIP ⭐",
            Optional.empty(), Optional.of(ANN), false, false, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), at, version),
        new Message(id, INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEXT, "Thanks!",
            Optional.empty(), Optional.empty(), true, false, Optional.empty(),
            Optional.of(DeliveryStatus.QUEUED), Optional.empty(), Optional.empty(),
            Optional.of(SendDecision.Allowed.plain(Optional.empty())), at, version),
        new Message(id, INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEMPLATE, t.preview(),
            Optional.empty(), Optional.of(ANN), false, false, Optional.of("wamid.2"),
            Optional.of(DeliveryStatus.READ), Optional.empty(), Optional.of(t),
            Optional.of(SendDecision.Allowed.asTemplate()), at, version));
  }

  @Property(tries = 300)
  void givesBackTheMessageAndItsUpdates(@ForAll("ids") MessageId id, @ForAll("times") Instant at,
      @ForAll("times") Instant later) {
    List<Message> first = shapes(id, at, 0);
    List<Message> second = shapes(id, later, 7);
    for (int i = 0; i < first.size(); i++) {
      StoredMessage stored = new StoredMessage(first.get(i));
      assertThat(stored.message()).isEqualTo(first.get(i));
      assertThat(stored.hasId(id)).isTrue();
      assertThat(stored.hasId(MessageId.of(id.value()))).isTrue(); // equal, not the same object
      assertThat(stored.hasId(MessageId.of(id.value() + "x"))).isFalse();
      assertThat(stored.hasId(id.value())).isFalse(); // a string is no message id
      Message next = second.get((i + 1) % second.size());
      stored.set(next);
      assertThat(stored.message()).isEqualTo(next);
      assertThat(stored.id()).isEqualTo(id);
    }
  }
}
