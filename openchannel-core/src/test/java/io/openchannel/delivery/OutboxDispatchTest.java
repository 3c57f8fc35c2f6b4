package io.openchannel.delivery;

import static io.openchannel.message.DeliveryStatus.FAILED;
import static io.openchannel.message.DeliveryStatus.QUEUED;
import static io.openchannel.message.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxDispatchTest {
  private final DeliveryFixture f = new DeliveryFixture();
  private final InteractionId chat = f.conversationWith("42");

  @Test
  void aReplyIsHandedToTheConnectorAndMarkedSentWithTheChannelsId() {
    Message reply = f.ann().sendText(chat, "Hi 👋");
    assertThat(f.status(reply.id())).isEqualTo(QUEUED);

    f.scheduler.runDue();

    Message sent = f.message(reply.id());
    assertThat(sent.deliveryStatus()).contains(SENT);
    assertThat(sent.channelMessageId()).contains("fake-1");
    OutboundMessage out = f.platform.sent().get(0);
    assertThat(out.text()).isEqualTo("Hi 👋");
    assertThat(out.to().address()).isEqualTo("42");
    assertThat(f.events).filteredOn(DeliveryStatusChanged.class::isInstance).hasSize(1);
  }

  @Test
  void anAttachmentGoesOutWithItsBytes() throws IOException {
    f.ann().sendAttachment(chat, AttachmentUpload.of("a.txt", "text/plain", new byte[] {1, 2}), "");

    f.scheduler.runDue();

    try (InputStream in = f.platform.sent().get(0).attachmentContent().orElseThrow().get()) {
      assertThat(in.readAllBytes()).containsExactly(1, 2);
    }
  }

  @Test
  void internalNotesAreNeverSent() {
    f.ann().addNote(chat, "secret");

    f.scheduler.runDue();

    assertThat(f.platform.sent()).isEmpty();
  }

  @Test
  void aTransientFailureIsRetriedNoSoonerThanTheChannelAsked() {
    f.platform.willFailTransiently("429 Too Many Requests", Duration.ofSeconds(30));
    Message reply = f.ann().sendText(chat, "Hi");

    f.scheduler.runDue();
    f.scheduler.advance(Duration.ofSeconds(29));
    assertThat(f.status(reply.id())).isEqualTo(QUEUED);
    f.scheduler.advance(Duration.ofSeconds(1));

    assertThat(f.status(reply.id())).isEqualTo(SENT);
    assertThat(f.platform.sent()).hasSize(1);
  }

  @Test
  void aMessageWaitingForRetryHoldsBackTheLaterOnesSoOrderIsKept() {
    f.platform.willFailTransiently("timeout", null);
    Message first = f.ann().sendText(chat, "first");
    f.scheduler.runDue();
    Message second = f.ann().sendText(chat, "second");
    f.scheduler.runDue();
    assertThat(f.status(second.id())).isEqualTo(QUEUED);

    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(f.platform.sent()).extracting(OutboundMessage::text).containsExactly("first", "second");
    assertThat(f.status(first.id())).isEqualTo(SENT);
  }

  @Test
  void aPermanentFailureFailsAtOnceWithTheReasonAndTheNextMessageStillGoes() {
    f.platform.willFailPermanently("403 Forbidden: bot was blocked by the user");
    Message refused = f.ann().sendText(chat, "first");
    Message next = f.ann().sendText(chat, "second");

    f.scheduler.runDue();

    assertThat(f.message(refused.id()).deliveryStatus()).contains(FAILED);
    assertThat(f.message(refused.id()).failureReason()).contains("403 Forbidden: bot was blocked by the user");
    assertThat(f.status(next.id())).isEqualTo(SENT);
  }

  @Test
  void aConnectorThatThrowsIsRetriedLikeATransientFailure() {
    f.platform.willThrow("bug in connector");
    Message reply = f.ann().sendText(chat, "Hi");

    f.scheduler.runDue();
    assertThat(f.status(reply.id())).isEqualTo(QUEUED);
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(f.status(reply.id())).isEqualTo(SENT);
  }

  @Test
  void afterTenTransientFailuresTheMessageFailsSayingSo() {
    for (int i = 0; i < 10; i++) {
      f.platform.willFailTransiently("503", null);
    }
    Message reply = f.ann().sendText(chat, "Hi");

    f.scheduler.runDue();
    f.scheduler.advance(Duration.ofHours(1));

    assertThat(f.message(reply.id()).failureReason()).hasValueSatisfying(r ->
        assertThat(r).startsWith("gave up after 10 attempts").endsWith("503"));
    assertThat(f.platform.sent()).isEmpty();
  }

  @Test
  void theAgentCanRetryAFailedMessage() {
    f.platform.willFailPermanently("500 once");
    Message reply = f.ann().sendText(chat, "Hi");
    f.scheduler.runDue();
    assertThat(f.status(reply.id())).isEqualTo(FAILED);

    Message again = f.ann().retry(reply.id());
    assertThat(again.deliveryStatus()).contains(QUEUED);
    assertThat(again.failureReason()).isEmpty();
    f.scheduler.runDue();

    assertThat(f.status(reply.id())).isEqualTo(SENT);
    assertThatThrownBy(() -> f.ann().retry(reply.id())).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("only a FAILED message");
  }

  @Test
  void anAccountWithoutConnectorKeepsItsMessagesQueued() {
    f.oc.accounts().create(Account.of(io.openchannel.account.AccountId.of("sms"), ChannelType.SMS,
        "SMS", AccountSettings.builder().replyUrl("https://sms.example.org").build()));
    InteractionId sms = f.oc.receive(io.openchannel.account.AccountId.of("sms"),
        io.openchannel.spi.channel.InboundMessage.text("s1", io.openchannel.spi.channel.SenderProfile.of("+39"),
            "hi", f.scheduler.clock().instant())).interaction().id();
    f.oc.assign(sms, DeliveryFixture.ANN);
    Message reply = f.ann().sendText(sms, "hello");

    f.scheduler.runDue();

    assertThat(f.status(reply.id())).isEqualTo(QUEUED);
  }

  @Test
  void queuedMessagesAreSentByTheNextEngineOnTheSameStoreExactlyOnce() {
    Message reply = f.ann().sendText(chat, "sent after restart");
    f.oc.close(); // the engine stops before its scheduler ran: the message is only stored

    DeliveryFixture restarted = new DeliveryFixture(f.store, f.blobs, false);
    restarted.scheduler.runDue();
    restarted.scheduler.advance(Duration.ofMinutes(1));

    assertThat(restarted.platform.sent()).extracting(OutboundMessage::id).containsExactly(reply.id());
    assertThat(restarted.status(reply.id())).isEqualTo(SENT);
    assertThat(f.platform.sent()).isEmpty();
  }

  @Test
  void aClosedEngineSendsNothingMore() {
    f.ann().sendText(chat, "Hi");
    f.oc.close();

    f.scheduler.runDue();

    assertThat(f.platform.sent()).isEmpty();
  }

  @Test
  void theAutoReplyIsSentToo() {
    OpenChannel oc = f.oc;
    oc.accounts().update(oc.accounts().get(DeliveryFixture.TG).withSettings(
        oc.accounts().get(DeliveryFixture.TG).settings().toBuilder().autoReply("We are on it").build()));
    f.conversationWith("77");

    f.scheduler.runDue();

    assertThat(f.platform.sent()).singleElement().satisfies(m -> {
      assertThat(m.autoReply()).isTrue();
      assertThat(m.text()).isEqualTo("We are on it");
    });
  }
}
