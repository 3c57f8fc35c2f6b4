package io.openchannel.delivery;

import static io.openchannel.delivery.DeliveryFixture.TG;
import static io.openchannel.message.DeliveryStatus.DELIVERED;
import static io.openchannel.message.DeliveryStatus.FAILED;
import static io.openchannel.message.DeliveryStatus.READ;
import static io.openchannel.message.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.WebhookVerificationException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptsTest {
  private final DeliveryFixture f = new DeliveryFixture();
  private final InteractionId chat = f.conversationWith("42");

  private Message sentReply(String text) {
    Message m = f.ann().sendText(chat, text);
    f.scheduler.runDue();
    return f.message(m.id());
  }

  private String cid(Message m) {
    return m.channelMessageId().orElseThrow();
  }

  @Test
  void deliveredThenReadMovesTheStatusForward() {
    Message m = sentReply("hi");

    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", DELIVERED, now(), cid(m)));
    assertThat(f.status(m.id())).isEqualTo(DELIVERED);
    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", READ, now(), cid(m)));

    assertThat(f.status(m.id())).isEqualTo(READ);
  }

  @Test
  void aLateDeliveredAfterReadChangesNothing() {
    Message m = sentReply("hi");
    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", READ, now(), cid(m)));
    int events = f.events.size();

    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", DELIVERED, now(), cid(m)));
    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", READ, now(), cid(m)));

    assertThat(f.status(m.id())).isEqualTo(READ);
    assertThat(f.events).hasSize(events);
  }

  @Test
  void aFailedReceiptAfterSentShowsTheSingleCheckmarkWithReason() {
    Message m = sentReply("hi");

    f.oc.applyReceipt(TG, new DeliveryReceipt("42", List.of(cid(m)), Optional.empty(), FAILED,
        Optional.of("131047: re-engagement message"), now()));

    assertThat(f.message(m.id()).deliveryStatus()).contains(FAILED);
    assertThat(f.message(m.id()).failureReason()).contains("131047: re-engagement message");
  }

  @Test
  void aWatermarkCoversEveryEarlierMessageToThatRecipient() {
    Message first = sentReply("one");
    f.scheduler.advance(Duration.ofSeconds(5));
    Message second = sentReply("two");
    Instant mark = f.scheduler.clock().instant();
    f.scheduler.advance(Duration.ofSeconds(5));
    Message third = sentReply("three");

    f.oc.applyReceipt(TG, DeliveryReceipt.upTo("42", READ, mark));

    assertThat(f.status(first.id())).isEqualTo(READ);
    assertThat(f.status(second.id())).isEqualTo(READ);
    assertThat(f.status(third.id())).isEqualTo(SENT);
  }

  @Test
  void aReceiptFasterThanOurCommitIsAppliedOnceTheMessageIsSent() {
    f.oc.applyReceipt(TG, DeliveryReceipt.of("42", DELIVERED, now(), "fake-1"));

    Message m = sentReply("hi"); // the scripted platform hands out fake-1 first

    assertThat(cid(m)).isEqualTo("fake-1");
    assertThat(f.status(m.id())).isEqualTo(DELIVERED);
  }

  @Test
  void receiptsArriveThroughTheConnectorsWebhookToo() {
    Message m = sentReply("hi");

    f.oc.handleWebhook(TG, f.platform.signedRequest(
        "{\"receipts\":[{\"recipient\":\"42\",\"ids\":[\"" + cid(m) + "\"],\"status\":\"READ\"}]}"));

    assertThat(f.status(m.id())).isEqualTo(READ);
  }

  @Test
  void aTamperedWebhookIsRefusedAndChangesNothing() {
    Message m = sentReply("hi");
    var signed = f.platform.signedRequest("{\"receipts\":[{\"recipient\":\"42\",\"ids\":[\"" + cid(m)
        + "\"],\"status\":\"READ\"}]}");
    var tampered = new io.openchannel.spi.channel.WebhookRequest(signed.method(), signed.path(),
        signed.query(), signed.headers(), signed.bodyText().replace("READ", "FAILED")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThatThrownBy(() -> f.oc.handleWebhook(TG, tampered))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(f.status(m.id())).isEqualTo(SENT);
  }

  private Instant now() {
    return f.scheduler.clock().instant();
  }
}
