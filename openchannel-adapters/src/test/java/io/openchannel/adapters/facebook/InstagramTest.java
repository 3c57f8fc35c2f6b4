package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.IG;
import static io.openchannel.adapters.facebook.FacebookFixtures.IG_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instagram deliveries into events, and direct messages and comment replies to the fake Graph API. */
class InstagramTest {
  private static final String IGSID = "6543210987654321";

  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.IG_TOKEN));
  private final InstagramConnector connector = new InstagramConnector(FacebookFixtures.config(fake));

  @AfterEach
  void stop() {
    fake.close();
  }

  private List<InboundEvent> events() {
    return connector.handle(FacebookFixtures.delivery("instagram"), IG_ACCOUNT).events();
  }

  private List<InboundMessage> messages() {
    return events().stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
  }

  @Test
  void directMessagesKeepTheirMidsAndEchoesReactionsAndDeletionsAreDropped() {
    assertThat(messages().get(0).channelMessageId()).startsWith("aWdfZAG1faXRlbT");
    assertThat(messages()).extracting(InboundMessage::channelMessageId).contains("ig_mid_photo_1", "ig_mid_story_1")
        .doesNotContain("ig_mid_echo_1", "ig_mid_deleted_1");
    InboundMessage first = messages().get(0);
    assertThat(first.sender().externalId()).isEqualTo(IGSID);
    assertThat(first.text()).isEqualTo("Ciao! Avete la taglia M? 👗");
    assertThat(first.visibility()).isEmpty();
  }

  @Test
  void aPhotoIsAnAttachmentAndAStoryMentionIsALink() {
    InboundMessage photo = messages().get(1);
    InboundMessage story = messages().get(2);

    assertThat(photo.attachment()).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("image/jpeg"));
    assertThat(story.attachment()).isEmpty();
    assertThat(story.text()).startsWith("Mentioned you in a story https://lookaside.fbsbx.com/");
  }

  @Test
  void messagingSeenIsAReadReceiptForThatMessageAndEverythingBefore() {
    DeliveryReceipt read = events().stream().filter(DeliveryReceipt.class::isInstance)
        .map(DeliveryReceipt.class::cast).findFirst().orElseThrow();

    assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(read.recipient()).isEqualTo(IGSID);
    assertThat(read.channelMessageIds()).containsExactly("ig_sent_1");
    assertThat(read.watermark()).contains(Instant.ofEpochMilli(1764000593000L));
  }

  @Test
  void commentsArePublicMessagesInTheTopLevelCommentsThreadWithTheUsername() {
    List<InboundMessage> comments = messages().stream()
        .filter(m -> m.visibility().equals(Optional.of(Visibility.PUBLIC))).toList();

    assertThat(comments).extracting(InboundMessage::channelMessageId)
        .containsExactly("18050000000000001", "18050000000000002");
    assertThat(comments).allSatisfy(c -> {
      assertThat(c.threadId()).contains("18050000000000001");
      assertThat(c.sender().fields()).containsEntry("instagram", "lena.style");
    });
    assertThat(comments.get(0).sentAt()).isEqualTo(Instant.ofEpochSecond(1764000601L));
  }

  @Test
  void aPageDeliveryIsNotForInstagram() {
    assertThat(connector.handle(FacebookFixtures.delivery("messenger-text"), IG_ACCOUNT).events()).isEmpty();
  }

  @Test
  void aDirectMessageGoesToTheInstagramAccountsMessagesEdge() {
    SendResult result = connector.send(FacebookFixtures.text(IG, IGSID, "Sì, la M c'è 👍", Optional.empty()),
        IG_ACCOUNT);

    assertThat(fake.problems()).isEmpty();
    assertThat(fake.last().path()).isEqualTo("/v24.0/" + FacebookFixtures.IG_ID + "/messages");
    assertThat(fake.last().json().path("recipient").path("id").asText()).isEqualTo(IGSID);
    assertThat(result).isInstanceOf(SendResult.Sent.class);
  }

  @Test
  void aReplyInAPublicInteractionIsACommentReply() {
    SendResult result = connector.send(FacebookFixtures.publicText(IG, "6543210987654399", "18050000000000001",
        "Yes, blue from Friday 💙"), IG_ACCOUNT);

    assertThat(fake.problems()).isEmpty();
    assertThat(fake.last().path()).isEqualTo("/v24.0/18050000000000001/replies");
    assertThat(result).isEqualTo(SendResult.sent("18050000000000001_1001"));
  }

  @Test
  void mediaInstagramDoesNotTakeFailsWithoutACall() {
    SendResult gif = connector.send(FacebookFixtures.file(IG, ConversationKey.direct(IG, IGSID), "",
        FacebookFixtures.attachment("a.gif", "image/gif", 10), new byte[10]), IG_ACCOUNT);
    SendResult bigJpeg = connector.send(FacebookFixtures.file(IG, ConversationKey.direct(IG, IGSID), "",
        FacebookFixtures.attachment("a.jpg", "image/jpeg", 9L * 1024 * 1024), new byte[10]), IG_ACCOUNT);
    SendResult pdf = connector.send(FacebookFixtures.file(IG, ConversationKey.direct(IG, IGSID), "",
        FacebookFixtures.attachment("a.pdf", "application/pdf", 10), new byte[10]), IG_ACCOUNT);

    assertThat(gif).isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.reason()).contains("image/gif"));
    assertThat(bigJpeg).isInstanceOf(SendResult.Failed.class);
    assertThat(pdf).isInstanceOf(SendResult.Sent.class);
    assertThat(fake.received()).hasSize(1);
  }
}
