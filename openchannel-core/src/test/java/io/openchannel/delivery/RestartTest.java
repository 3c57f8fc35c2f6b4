package io.openchannel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.ReceiveResult;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A new engine on the same store recognises what the old one stored: dedupe lives in the store. */
class RestartTest {
  @Test
  void aWebhookRetriedAfterARestartIsStillADuplicate() {
    DeliveryFixture before = new DeliveryFixture();
    InboundMessage m = InboundMessage.text("update-1001", SenderProfile.of("42"), "hi", Instant.EPOCH);
    ReceiveResult first = before.oc.receive(DeliveryFixture.TG, m);
    before.oc.close();

    DeliveryFixture after = new DeliveryFixture(before.store, before.blobs, false);
    ReceiveResult again = after.oc.receive(DeliveryFixture.TG, m);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.message().id()).isEqualTo(first.message().id());
    assertThat(after.events).isEmpty();
  }

  @Test
  void aReceiptRepeatedAfterARestartChangesNothing() {
    DeliveryFixture before = new DeliveryFixture();
    Message reply = before.ann().sendText(before.conversationWith("42"), "hello");
    before.scheduler.runDue();
    String cid = before.message(reply.id()).channelMessageId().orElseThrow();
    before.oc.applyReceipt(DeliveryFixture.TG, DeliveryReceipt.of("42", DeliveryStatus.READ, Instant.EPOCH, cid));
    before.oc.close();

    DeliveryFixture after = new DeliveryFixture(before.store, before.blobs, false);
    after.oc.applyReceipt(DeliveryFixture.TG, DeliveryReceipt.of("42", DeliveryStatus.DELIVERED, Instant.EPOCH, cid));

    assertThat(after.status(reply.id())).isEqualTo(DeliveryStatus.READ);
    assertThat(after.events).isEmpty();
  }

  @Test
  void aMessageAnEngineDiedSendingIsSentAfterARestartOnceTheDeadEnginesLeaseLapsed() {
    DeliveryFixture before = new DeliveryFixture();
    InteractionId chat = before.conversationWith("42");
    Message reply = before.ann().sendText(chat, "hello");
    // The old engine claimed the outbox and died mid-send: its claim outlives it.
    Instant now = before.scheduler.clock().instant();
    before.store.outboxClaims().tryClaim(chat, "dead-engine", now,
        now.plus(ClusterOptions.DEFAULT_OUTBOX_LEASE));
    before.oc.close();

    DeliveryFixture after = new DeliveryFixture(before.store, before.blobs, false);
    after.scheduler.runDue();
    assertThat(after.status(reply.id())).isEqualTo(DeliveryStatus.QUEUED);
    after.scheduler.advance(ClusterOptions.DEFAULT_OUTBOX_LEASE);

    assertThat(after.status(reply.id())).isEqualTo(DeliveryStatus.SENT);
    assertThat(after.platform.sent()).hasSize(1);
  }
}
