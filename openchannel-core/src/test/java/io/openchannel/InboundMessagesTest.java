package io.openchannel;

import static io.openchannel.EngineFixture.AUTO_REPLY;
import static io.openchannel.EngineFixture.FB;
import static io.openchannel.EngineFixture.SMS;
import static io.openchannel.EngineFixture.WA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.event.ContactCreated;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundMessagesTest {
  private final EngineFixture f = new EngineFixture();

  @Test
  void firstMessageCreatesContactConversationAndOpenInteraction() {
    ReceiveResult r = f.customerWrites(FB, "psid-1", "Hello?");

    assertThat(r.newInteraction()).isTrue();
    assertThat(r.duplicate()).isFalse();
    Interaction i = r.interaction();
    assertThat(i.status()).isEqualTo(InteractionStatus.OPEN);
    assertThat(i.origin()).isEqualTo(Direction.IN);
    assertThat(i.read()).isFalse();
    assertThat(i.firstAgent()).isEmpty();
    Contact contact = f.oc.contacts().get(i.contact());
    assertThat(contact.identities()).containsExactly(ChannelIdentity.of(FB, "psid-1"));
    assertThat(contact.displayName()).isEqualTo("Mia Rossi");
    Conversation conversation = f.oc.interactions().conversation(i.conversation());
    assertThat(conversation.openInteraction()).contains(i.id());
    assertThat(conversation.unmanagedCount()).isEqualTo(1);
    assertThat(f.events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ContactCreated", "InteractionOpened", "MessageAdded", "MessageAdded");
    assertThat(f.eventsOf(InteractionOpened.class).get(0).unmanagedCount()).isEqualTo(1);
  }

  @Test
  void newInteractionGetsTheAccountsAutoReplyFlaggedAndNeverAsLastMessage() {
    ReceiveResult r = f.customerWrites(FB, "psid-1", "Hello?");

    List<Message> messages = f.messages(r.interaction().id());
    assertThat(messages).hasSize(2);
    Message auto = messages.get(1);
    assertThat(auto.autoReply()).isTrue();
    assertThat(auto.direction()).isEqualTo(Direction.OUT);
    assertThat(auto.text()).isEqualTo(AUTO_REPLY);
    Interaction now = f.oc.interactions().get(r.interaction().id());
    assertThat(now.lastMessage().orElseThrow().messageId()).isEqualTo(messages.get(0).id());
    assertThat(now.lastMessage().orElseThrow().direction()).isEqualTo(Direction.IN);
  }

  @Test
  void accountWithoutReplyUrlSendsNoAutoReply() {
    ReceiveResult r = f.customerWrites(WA, "39333", "Ciao");

    assertThat(f.messages(r.interaction().id())).extracting(Message::autoReply).containsExactly(false);
  }

  @Test
  void laterMessagesJoinTheOpenInteractionWithoutAnotherAutoReply() {
    ReceiveResult first = f.customerWrites(FB, "psid-1", "Hello?");
    f.clock.advance(Duration.ofMinutes(1));
    ReceiveResult second = f.customerWrites(FB, "psid-1", "Anyone there?");

    assertThat(second.newInteraction()).isFalse();
    assertThat(second.interaction().id()).isEqualTo(first.interaction().id());
    assertThat(f.messages(first.interaction().id())).extracting(Message::text)
        .containsExactly("Hello?", AUTO_REPLY, "Anyone there?");
    assertThat(second.interaction().lastMessage().orElseThrow().preview()).isEqualTo("Anyone there?");
  }

  @Test
  void aMessageSentNoLaterThanTheLastLeavesTheConversationUnwritten() {
    ReceiveResult first = f.customerWrites(FB, "psid-1", "Hello?");
    Conversation before = f.oc.interactions().conversation(first.interaction().conversation());
    // The clock stands still: the same second, as a channel with second-precision times gives.
    f.oc.receive(FB, InboundMessage.text("same-second", SenderProfile.of("psid-1", "Mia", "Rossi"),
        "Still there?", f.clock.instant()));
    f.oc.receiveAll(FB, List.of(InboundMessage.text("late-retry",
        SenderProfile.of("psid-1", "Mia", "Rossi"), "Hello again", before.createdAt()
            .minus(Duration.ofMinutes(5)))));

    assertThat(f.oc.interactions().conversation(before.id())).isEqualTo(before);
    f.clock.advance(Duration.ofMinutes(1));
    f.customerWrites(FB, "psid-1", "Anyone?");
    Conversation after = f.oc.interactions().conversation(before.id());
    assertThat(after.lastInboundAt()).contains(f.clock.instant());
    assertThat(after.version()).isEqualTo(before.version() + 1);
  }

  @Test
  void messageAfterCloseOpensANewInteractionInTheSameConversation() {
    ReceiveResult first = f.customerWrites(FB, "psid-1", "Hello?");
    f.oc.close(first.interaction().id());
    ReceiveResult next = f.customerWrites(FB, "psid-1", "Me again");

    assertThat(next.newInteraction()).isTrue();
    assertThat(next.interaction().conversation()).isEqualTo(first.interaction().conversation());
    Conversation conversation = f.oc.interactions().conversation(next.interaction().conversation());
    assertThat(conversation.interactionCount()).isEqualTo(2);
    assertThat(conversation.unmanagedCount()).isEqualTo(2);
    assertThat(f.oc.interactions().ofConversation(conversation.id())).extracting(Interaction::id)
        .containsExactly(next.interaction().id(), first.interaction().id());
  }

  @Test
  void theSameChannelMessageIdIsStoredOnce() {
    InboundMessage m = f.inbound("psid-1", "Hello?");
    ReceiveResult first = f.oc.receive(FB, m);
    int eventsAfterFirst = f.events.size();

    ReceiveResult again = f.oc.receive(FB, m);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.message()).isEqualTo(first.message());
    assertThat(f.messages(first.interaction().id())).hasSize(2);
    assertThat(f.events).hasSize(eventsAfterFirst);
  }

  @Test
  void duplicateWithAttachmentKeepsNoSecondBlob() {
    InboundMessage m = f.inboundFile("psid-1",
        InboundAttachment.of("photo.jpg", "image/jpeg", new byte[] {1, 2, 3}), false);
    f.oc.receive(FB, m);
    f.oc.receive(FB, m);

    assertThat(f.blobs.size()).isEqualTo(1);
  }

  @Test
  void aFileOverTheChannelsLimitIsLeftOutAndTheMessageSaysSo() {
    // Refusing the message would make the platform redeliver it forever, and the customer's
    // words must be kept either way. SMS files may be 5 MB; this stream is one byte longer.
    InboundAttachment huge = new InboundAttachment("video.mp4", "video/mp4",
        () -> new ByteArrayInputStream(new byte[5 * 1024 * 1024 + 1]));
    InboundMessage m = new InboundMessage("sms-1", SenderProfile.of("+391234", "Mia", "Rossi"),
        "look at this", Optional.of(huge), false, f.clock.instant(), Optional.empty(),
        Optional.empty());

    ReceiveResult r = f.oc.receive(SMS, m);

    assertThat(r.message().attachment()).isEmpty();
    assertThat(r.message().kind()).isEqualTo(MessageKind.TEXT);
    assertThat(r.message().text()).isEqualTo("look at this\n[video.mp4 was not received: it is"
        + " larger than SMS's 5 MB limit; ask the customer to send it again]");
    assertThat(f.blobs.size()).isZero();
  }

  @Test
  void aFileThatCannotBeDownloadedIsLeftOutAndTheMessageSaysSo() {
    InboundAttachment expired = new InboundAttachment("photo.jpg", "image/jpeg", () -> {
      throw new UncheckedIOException(new IOException("HTTP 403 from the CDN"));
    });
    InboundMessage m = f.inboundFile("psid-1", expired, true);

    ReceiveResult r = f.oc.receive(FB, m);

    assertThat(r.message().attachment()).isEmpty();
    assertThat(r.message().kind()).isEqualTo(MessageKind.TEXT);
    assertThat(r.message().text()).isEqualTo("[photo.jpg was not received: it could not be"
        + " downloaded; ask the customer to send it again]");
    assertThat(r.interaction().lastMessage().orElseThrow().preview()).startsWith("[photo.jpg");
    assertThat(f.oc.receive(FB, m).duplicate()).isTrue();
    assertThat(f.messages(r.interaction().id())).filteredOn(x -> x.direction() == Direction.IN)
        .hasSize(1);
  }

  @Test
  void aKnownIdentityReusesItsContact() {
    Contact first = f.oc.contacts().get(f.customerWrites(FB, "psid-1", "a").interaction().contact());
    Contact again = f.oc.contacts().get(f.customerWrites(FB, "psid-1", "b").interaction().contact());

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(f.eventsOf(ContactCreated.class)).hasSize(1);
  }

  @Test
  void theMapKeyLinksASenderToTheContactWithThatFieldValue() {
    // The Messenger account maps senders by "phone"; Mia first wrote on WhatsApp, then on
    // Messenger with her phone number in the profile.
    ReceiveResult onWhatsApp = f.oc.receive(WA, InboundMessage.text("w1", new SenderProfile("39333",
        Optional.of("Mia"), Optional.empty(), Map.of("phone", "+39333")), "Ciao", f.clock.instant()));
    ReceiveResult onMessenger = f.oc.receive(FB, InboundMessage.text("f1", new SenderProfile("psid-9",
        Optional.of("Mia"), Optional.empty(), Map.of("phone", "+39333")), "Hi", f.clock.instant()));

    assertThat(onMessenger.interaction().contact()).isEqualTo(onWhatsApp.interaction().contact());
    Contact mia = f.oc.contacts().get(onMessenger.interaction().contact());
    assertThat(mia.identities()).containsExactly(ChannelIdentity.of(WA, "39333"),
        ChannelIdentity.of(FB, "psid-9"));
    assertThat(f.oc.interactions().ofContact(mia.id())).hasSize(2);
  }

  @Test
  void withoutAMatchTheMapKeyValueIsStoredOnTheNewContact() {
    ReceiveResult r = f.customerWrites(FB, "psid-1", "Hello?");

    assertThat(f.oc.contacts().get(r.interaction().contact()).field("phone")).contains("psid-1");
  }

  @Test
  void anyUnicodeTextIsStoredExactly() {
    String text = "Ciao 👋🏽 مرحبا שלום e\u0301 👩‍👩‍👧 \u202Eabc 漢字";
    ReceiveResult r = f.customerWrites(FB, "psid-1", text);

    Message stored = f.messages(r.interaction().id()).get(0);
    assertThat(stored.text()).isEqualTo(text);
    assertThat(stored.text().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAttachmentIsStoredInTheBlobStoreAndAVoiceMessageIsMarkedSo() throws IOException {
    byte[] audio = {7, 7, 7, 7};
    InboundMessage m = f.inboundFile("psid-1", InboundAttachment.of("note.ogg", "audio/ogg", audio), true);
    ReceiveResult r = f.oc.receive(FB, m);

    Message stored = r.message();
    assertThat(stored.kind()).isEqualTo(MessageKind.VOICE);
    assertThat(stored.attachment().orElseThrow().sizeBytes()).isEqualTo(4);
    try (InputStream in = f.oc.openAttachment(stored.attachment().orElseThrow().id())) {
      assertThat(in.readAllBytes()).isEqualTo(audio);
    }
    assertThat(r.interaction().lastMessage().orElseThrow().preview()).isEqualTo("note.ogg");
  }

  @Test
  void aPublicThreadIsItsOwnPublicConversation() {
    ReceiveResult dm = f.customerWrites(FB, "psid-1", "private");
    ReceiveResult comment = f.oc.receive(FB, f.inbound("psid-1", "public comment")
        .inPublicThread("post-42"));

    assertThat(comment.interaction().visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(comment.interaction().conversation()).isNotEqualTo(dm.interaction().conversation());
    assertThat(comment.interaction().contact()).isEqualTo(dm.interaction().contact());
  }

  @Test
  void aDisabledAccountRefusesMessagesAndStoresNothing() {
    f.oc.accounts().update(f.oc.accounts().get(FB).withEnabled(false));
    int events = f.events.size();

    assertThatThrownBy(() -> f.customerWrites(FB, "psid-1", "Hello?"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("disabled");
    assertThat(f.events).hasSize(events);
    assertThat(f.oc.contacts().findByIdentity(ChannelIdentity.of(FB, "psid-1"))).isEmpty();
  }

  @Test
  void aReplayedMessageIsADuplicateEvenAfterTheAccountWasDisabled() {
    InboundMessage m = f.inbound("psid-1", "Hello?");
    f.oc.receive(FB, m);
    f.oc.accounts().update(f.oc.accounts().get(FB).withEnabled(false));

    assertThat(f.oc.receive(FB, m).duplicate()).isTrue();
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertThatThrownBy(() -> f.customerWrites(AccountId.of("nope"), "x", "Hello?"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
  }

  @Test
  void eventsOfOneInteractionArriveInCommitOrder() {
    ReceiveResult r = f.customerWrites(FB, "psid-1", "one");
    f.customerWrites(FB, "psid-1", "two");
    f.customerWrites(FB, "psid-1", "three");

    List<String> texts = f.eventsOf(MessageAdded.class).stream()
        .filter(e -> e.interaction().equals(r.interaction().id()))
        .map(e -> e.message().text()).toList();
    assertThat(texts).containsExactly("one", AUTO_REPLY, "two", "three");
    assertThat(f.events.stream().map(OpenChannelEvent::at)).isSorted();
  }
}
