package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link StoredInteraction} gives back exactly the interaction it was made from, and after an
 * update in place exactly the new one; its sort times are {@link SortKey#timeOf}'s.
 */
class StoredInteractionTest {
  private static final InteractionId ID = InteractionId.of("i-1");

  @Provide
  Arbitrary<Instant> times() {
    return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<Optional<LastMessage>> lastMessages() {
    Arbitrary<MessageId> packed = Arbitraries.longs().tuple2().map(t ->
        MessageId.of(PackedId.unpack(t.get1(), t.get2())));
    Arbitrary<MessageId> other = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30)
        .map(MessageId::of);
    Arbitrary<LastMessage> last = Combinators.combine(Arbitraries.oneOf(packed, other), times(),
        Arbitraries.of(Direction.class), Arbitraries.of(MessageKind.TEXT, MessageKind.ATTACHMENT,
            MessageKind.VOICE), Arbitraries.strings().ofMaxLength(20)).as(LastMessage::new);
    return last.optional();
  }

  @Provide
  Arbitrary<Interaction> interactions() {
    Arbitrary<Optional<AgentId>> agents =
        Arbitraries.of("ann", "bob").map(AgentId::of).optional();
    Arbitrary<Set<Tag>> tags = Arbitraries.of("vip", "refund", "late").map(Tag::of).set();
    return Builders.withBuilder(() -> new Object[12])
        .use(Arbitraries.of(Visibility.class)).in((a, v) -> { a[0] = v; return a; })
        .use(Arbitraries.of(Direction.class)).in((a, v) -> { a[1] = v; return a; })
        .use(Arbitraries.of(InteractionStatus.class)).in((a, v) -> { a[2] = v; return a; })
        .use(times()).in((a, v) -> { a[3] = v; return a; })
        .use(agents).in((a, v) -> { a[4] = v; return a; })
        .use(agents).in((a, v) -> { a[5] = v; return a; })
        .use(Arbitraries.of(true, false)).in((a, v) -> { a[6] = v; return a; })
        .use(tags).in((a, v) -> { a[7] = v; return a; })
        .use(lastMessages()).in((a, v) -> { a[8] = v; return a; })
        .use(times()).in((a, v) -> { a[9] = v; return a; })
        .use(Arbitraries.of("resolved", "spam").map(DispositionId::of).optional())
        .in((a, v) -> { a[10] = v; return a; })
        .use(Arbitraries.longs().between(0, 1_000)).in((a, v) -> { a[11] = v; return a; })
        .build(StoredInteractionTest::interaction);
  }

  @SuppressWarnings("unchecked")
  private static Interaction interaction(Object[] a) {
    InteractionStatus status = (InteractionStatus) a[2];
    boolean closed = status == InteractionStatus.CLOSED;
    Optional<AgentId> owner = (Optional<AgentId>) a[5];
    Optional<AgentId> first = owner.isPresent() && ((Optional<AgentId>) a[4]).isEmpty()
        ? owner : (Optional<AgentId>) a[4];
    return new Interaction(ID, ConversationId.of("c-1"), AccountId.of("fb"), ContactId.of("k-1"),
        (Visibility) a[0], (Direction) a[1], status, (Instant) a[3], first, owner, (boolean) a[6],
        new TreeSet<>((Set<Tag>) a[7]), (Optional<LastMessage>) a[8],
        closed ? Optional.of((Instant) a[9]) : Optional.empty(),
        closed ? (Optional<DispositionId>) a[10] : Optional.empty(), (long) a[11]);
  }

  @Property(tries = 400)
  void givesBackTheInteractionAndItsUpdates(@ForAll("interactions") Interaction first,
      @ForAll("interactions") Interaction second) {
    StoredInteraction stored = new StoredInteraction(first);
    assertThat(stored.interaction()).isEqualTo(first);
    assertThat(stored.id()).isSameAs(ID);
    for (InteractionSort sort : InteractionSort.values()) {
      Instant at = SortKey.timeOf(first, sort);
      assertThat(stored.sortSecond(sort)).isEqualTo(at.getEpochSecond());
      assertThat(stored.sortNano(sort)).isEqualTo(at.getNano());
    }
    stored.set(second);
    assertThat(stored.interaction()).isEqualTo(second);
  }

  @Property(tries = 200)
  void theFormKeepsOpenInteractionsAsRecordsAndPacksClosedOnes(
      @ForAll("interactions") Interaction first, @ForAll("interactions") Interaction second) {
    InteractionForm form = new InteractionForm();
    Object kept = form.keep(first, null);
    assertThat(kept instanceof OpenInteraction).isEqualTo(first.isOpen());
    assertThat(kept instanceof StoredInteraction).isEqualTo(!first.isOpen());
    assertThat(form.row(kept)).isEqualTo(first);
    assertThat(form.hasId(kept, InteractionId.of("i-1"))).isTrue();
    assertThat(form.hasId(kept, InteractionId.of("i-2"))).isFalse();
    ((KeptInteraction) kept).viewRow = 41;
    Object next = form.keep(second, kept);
    assertThat(form.row(next)).isEqualTo(second);
    assertThat(((KeptInteraction) next).viewRow).isEqualTo(41); // the view's row goes along
    if (first.isOpen() == second.isOpen()) {
      assertThat(next).isSameAs(kept); // rewritten in place: the indexes holding it stay right
    }
  }
}
