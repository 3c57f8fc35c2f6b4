package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.BOB;
import static io.openchannel.EngineFixture.FB;
import static io.openchannel.EngineFixture.WA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.event.TagsChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageKind;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDeskTest {
  private final EngineFixture f = new EngineFixture();
  private final AgentDesk ann = f.oc.desk(ANN);

  @Test
  void aReplyIsQueuedForTheChannelAndBecomesTheLastMessage() {
    InteractionId id = f.openAssignedToAnn();
    f.clock.advance(Duration.ofSeconds(30));

    Message reply = ann.sendText(id, "On its way 🚚");

    assertThat(reply.direction()).isEqualTo(Direction.OUT);
    assertThat(reply.author()).contains(ANN);
    assertThat(reply.deliveryStatus()).contains(DeliveryStatus.QUEUED);
    Interaction now = f.oc.interactions().get(id);
    assertThat(now.lastMessage().orElseThrow().messageId()).isEqualTo(reply.id());
    assertThat(now.lastMessage().orElseThrow().direction()).isEqualTo(Direction.OUT);
  }

  @Test
  void assigningSetsOwnerAndFirstAgentAndCountsTheInteractionManagedOnce() {
    InteractionId id = f.customerWrites(FB, "psid-1", "Hello").interaction().id();
    f.oc.assign(id, ANN);
    f.oc.assign(id, BOB);

    Interaction now = f.oc.interactions().get(id);
    assertThat(now.firstAgent()).contains(ANN);
    assertThat(now.owner()).contains(BOB);
    assertThat(f.oc.interactions().conversation(now.conversation()).unmanagedCount()).isZero();
    assertThat(f.eventsOf(InteractionAssigned.class)).extracting(InteractionAssigned::firstTimeManaged)
        .containsExactly(true, false);
  }

  @Test
  void assigningTheOwnerAgainChangesNothing() {
    InteractionId id = f.openAssignedToAnn();
    StateSnapshot before = StateSnapshot.of(f, id);

    f.oc.assign(id, ANN);

    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }

  @Test
  void aCannedAnswerIsFilledFromContactAgentAndAccount() {
    InteractionId id = f.openAssignedToAnn();

    Message m = ann.sendCanned(id, CannedAnswerId.of("hello"));

    assertThat(m.text()).isEqualTo("Hello Mia, I am Ann Agent from Shop on Messenger.");
    assertThat(m.canned()).isTrue();
  }

  @Test
  void aCannedAnswerThatRendersBlankOrDoesNotExistIsRefused() {
    InteractionId id = f.openAssignedToAnn();
    StateSnapshot before = StateSnapshot.of(f, id);

    assertThatThrownBy(() -> ann.sendCanned(id, CannedAnswerId.of("email")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("renders to blank");
    assertThatThrownBy(() -> ann.sendCanned(id, CannedAnswerId.of("nope")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("hello, email");
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }

  @Test
  void aCannedAnswerOnAnAccountWithoutReplyUrlIsRefusedBeforeRendering() {
    InteractionId wa = f.customerWrites(WA, "39", "hi").interaction().id();
    f.oc.assign(wa, ANN);

    assertThatThrownBy(() -> ann.sendCanned(wa, CannedAnswerId.of("email")))
        .isInstanceOf(ReplyDisabledException.class);
  }

  @Test
  void anInternalNoteIsNeverSentAndNeverTheLastMessage() {
    InteractionId id = f.openAssignedToAnn();
    Interaction before = f.oc.interactions().get(id);

    Message note = ann.addNote(id, "Customer is a VIP");

    assertThat(note.kind()).isEqualTo(MessageKind.NOTE);
    assertThat(note.deliveryStatus()).isEmpty();
    assertThat(f.oc.interactions().get(id).lastMessage()).isEqualTo(before.lastMessage());
  }

  @Test
  void markReadAndUnreadAreToldOnlyWhenTheyChangeSomething() {
    InteractionId id = f.openAssignedToAnn();

    ann.markRead(id);
    ann.markRead(id);
    ann.markUnread(id);

    assertThat(f.eventsOf(ReadStateChanged.class)).extracting(ReadStateChanged::read)
        .containsExactly(true, false);
    assertThat(f.oc.interactions().get(id).read()).isFalse();
  }

  @Test
  void aCustomerMessageMakesAReadInteractionUnread() {
    InteractionId id = f.openAssignedToAnn();
    ann.markRead(id);

    f.customerWrites(FB, "psid-mia", "still waiting");

    assertThat(f.oc.interactions().get(id).read()).isFalse();
    assertThat(f.eventsOf(ReadStateChanged.class).get(1).by()).isEmpty();
  }

  @Test
  void tagsAreAddedAndRemovedAsSets() {
    InteractionId id = f.openAssignedToAnn();

    ann.addTags(id, Set.of(Tag.of("late"), Tag.of(" vip ")));
    ann.addTags(id, Set.of(Tag.of("vip")));
    ann.removeTags(id, Set.of(Tag.of("late"), Tag.of("absent")));

    assertThat(f.oc.interactions().get(id).tags()).containsExactly(Tag.of("vip"));
    assertThat(f.eventsOf(TagsChanged.class)).hasSize(2);
  }

  @Test
  void closeAndDisposeRecordsTimeAndDisposition() {
    InteractionId id = f.openAssignedToAnn();
    f.clock.advance(Duration.ofMinutes(5));

    Interaction closed = ann.closeAndDispose(id, DispositionId.of("sales-won"));

    assertThat(closed.status()).isEqualTo(InteractionStatus.CLOSED);
    assertThat(closed.closedAt()).contains(f.clock.instant());
    assertThat(closed.disposition()).contains(DispositionId.of("sales-won"));
    assertThat(f.oc.dispositions().path(closed.disposition().get())).isEqualTo("Sales / Order placed");
    Conversation c = f.oc.interactions().conversation(closed.conversation());
    assertThat(c.openInteraction()).isEmpty();
    assertThat(f.eventsOf(InteractionClosed.class).get(0).by()).contains(ANN);
  }

  @Test
  void tagsAndReadStateMayChangeAfterClose() {
    InteractionId id = f.openAssignedToAnn();
    ann.close(id);

    ann.addTags(id, Set.of(Tag.of("followup")));
    ann.markRead(id);

    assertThat(f.oc.interactions().get(id).tags()).containsExactly(Tag.of("followup"));
  }

  @Test
  void aClosedInteractionTakesNoMoreMessagesAndCannotCloseAgain() {
    InteractionId id = f.openAssignedToAnn();
    ann.close(id);
    StateSnapshot before = StateSnapshot.of(f, id);

    assertThatThrownBy(() -> ann.sendText(id, "hello?")).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> ann.addNote(id, "late note")).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> ann.close(id)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> f.oc.assign(id, BOB)).isInstanceOf(IllegalTransitionException.class);
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }

  @Test
  void onlyTheOwnerMayAct() {
    InteractionId id = f.openAssignedToAnn();
    AgentDesk bob = f.oc.desk(BOB);
    StateSnapshot before = StateSnapshot.of(f, id);

    assertThatThrownBy(() -> bob.sendText(id, "hi")).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("owner: ann");
    assertThatThrownBy(() -> bob.close(id)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> bob.addTags(id, Set.of(Tag.of("x")))).isInstanceOf(PermissionDeniedException.class);
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }

  @Test
  void withoutReplyUrlAgentsCannotReplyButMayWriteNotes() {
    InteractionId wa = f.customerWrites(WA, "39", "hi").interaction().id();
    f.oc.assign(wa, ANN);
    StateSnapshot before = StateSnapshot.of(f, wa);

    assertThatThrownBy(() -> ann.sendText(wa, "hello")).isInstanceOf(ReplyDisabledException.class)
        .hasMessageContaining("Reply URL");
    assertThat(StateSnapshot.of(f, wa)).isEqualTo(before);
    assertThat(ann.addNote(wa, "cannot answer here").kind()).isEqualTo(MessageKind.NOTE);
  }

  @Test
  void aDisabledAccountRefusesReplies() {
    InteractionId id = f.openAssignedToAnn();
    f.oc.accounts().update(f.oc.accounts().get(FB).withEnabled(false));

    assertThatThrownBy(() -> ann.sendText(id, "hello")).isInstanceOf(SendNotAllowedException.class)
        .hasMessageContaining("disabled");
  }

  @Test
  void anUnknownAgentOrInteractionIsNotFound() {
    assertThatThrownBy(() -> f.oc.desk(io.openchannel.routing.AgentId.of("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> ann.sendText(InteractionId.of("missing"), "hi"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.oc.assign(InteractionId.of("missing"), ANN))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void closeByTheHostHasNoAgent() {
    InteractionId id = f.customerWrites(FB, "psid-1", "hello").interaction().id();

    f.oc.close(id);

    assertThat(f.eventsOf(InteractionClosed.class).get(0).by()).isEqualTo(Optional.empty());
    assertThat(f.oc.interactions().conversation(f.oc.interactions().get(id).conversation())
        .unmanagedCount()).isEqualTo(1);
  }
}
