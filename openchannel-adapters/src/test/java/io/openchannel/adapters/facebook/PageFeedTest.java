package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.PAGE;
import static io.openchannel.adapters.facebook.FacebookFixtures.PAGE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Visibility;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Page feed webhooks into public messages, and public and private replies to the fake Graph API. */
class PageFeedTest {
  private static final String COMMENT = "987654321098765_1122334455667788";

  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.PAGE_TOKEN));
  private final PageFeedConnector connector = new PageFeedConnector(FacebookFixtures.config(fake));

  @AfterEach
  void stop() {
    fake.close();
  }

  private List<InboundMessage> messages() {
    return connector.handle(FacebookFixtures.delivery("page-feed"), PAGE_ACCOUNT).events().stream()
        .map(InboundMessage.class::cast).toList();
  }

  @Test
  void customersCommentsAndPostsArePublicMessagesInTheirThreads() {
    List<InboundMessage> all = messages();

    assertThat(all).extracting(InboundMessage::channelMessageId).containsExactly(COMMENT,
        "987654321098765_1122334455667799", "104567890123456_555000111222333",
        "987654321098765_1122334455668888");
    assertThat(all).allSatisfy(m -> assertThat(m.visibility()).contains(Visibility.PUBLIC));
    assertThat(all).extracting(m -> m.threadId().orElseThrow()).containsExactly(COMMENT, COMMENT,
        "104567890123456_555000111222333", "987654321098765_1122334455668888");
  }

  @Test
  void theCommentersNameAndTheCommentsTimeAreKept() {
    InboundMessage first = messages().get(0);

    assertThat(first.sender().externalId()).isEqualTo("26458393011122334");
    assertThat(first.sender().firstName()).contains("Mia");
    assertThat(first.sender().lastName()).contains("Rossi");
    assertThat(first.text()).isEqualTo("Is the blue kettle back in stock? 🫖");
    assertThat(first.sentAt()).isEqualTo(Instant.ofEpochSecond(1764000480L));
  }

  @Test
  void aVisitorPostInHebrewIsKeptExactly() {
    InboundMessage post = messages().get(2);

    assertThat(post.text()).isEqualTo("שלום! ההזמנה שלי לא הגיעה");
    assertThat(post.sender().firstName()).contains("יעל");
  }

  @Test
  void aPhotoCommentWithoutTextIsAnAttachment() {
    InboundMessage photo = messages().get(3);

    assertThat(photo.text()).isEmpty();
    assertThat(photo.attachment()).hasValueSatisfying(a -> {
      assertThat(a.fileName()).isEqualTo("broken_kettle_n.jpg");
      assertThat(a.contentType()).isEqualTo("image/jpeg");
    });
  }

  @Test
  void thePagesOwnCommentsEditsRemovalsReactionsAndOtherFieldsAreDropped() {
    assertThat(messages()).extracting(InboundMessage::channelMessageId)
        .doesNotContain("987654321098765_1122334455660000").doesNotHaveDuplicates();
    assertThat(messages()).hasSize(4);
  }

  @Test
  void messagingDeliveriesAreNotPageFeedEventsAndTheMessengerConnectorIgnoresTheFeed() {
    assertThat(connector.handle(FacebookFixtures.delivery("messenger-text"), PAGE_ACCOUNT).events()).isEmpty();
    assertThat(new MessengerConnector(FacebookFixtures.config(fake))
        .handle(FacebookFixtures.delivery("page-feed"), FacebookFixtures.MESSENGER_ACCOUNT).events()).isEmpty();
  }

  @Test
  void anAgentsReplyIsAPublicCommentInTheThread() {
    SendResult result = connector.send(FacebookFixtures.publicText(PAGE, "26458393011122334", COMMENT,
        "Yes! Back since Monday 🎉"), PAGE_ACCOUNT);

    assertThat(fake.problems()).isEmpty();
    assertThat(fake.last().path()).isEqualTo("/v24.0/" + COMMENT + "/comments");
    assertThat(fake.last().json().path("message").asText()).isEqualTo("Yes! Back since Monday 🎉");
    assertThat(result).isEqualTo(SendResult.sent(COMMENT + "_1001"));
  }

  @Test
  void anImageReplyIsAPhotoCommentAndOtherFilesAreRefused() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    ConversationKey thread = new ConversationKey(PAGE, "26458393011122334", Visibility.PUBLIC, Optional.of(COMMENT));

    SendResult photo = connector.send(FacebookFixtures.file(PAGE, thread, "Here it is",
        FacebookFixtures.attachment("kettle.png", "image/png", png.length), png), PAGE_ACCOUNT);
    SendResult pdf = connector.send(FacebookFixtures.file(PAGE, thread, "",
        FacebookFixtures.attachment("a.pdf", "application/pdf", 3), new byte[3]), PAGE_ACCOUNT);

    assertThat(photo).isInstanceOf(SendResult.Sent.class);
    assertThat(fake.last().parts().get("source").bytes()).isEqualTo(png);
    assertThat(fake.last().parts().get("message").text()).isEqualTo("Here it is");
    assertThat(pdf).isInstanceOfSatisfying(SendResult.Failed.class,
        f -> assertThat(f.reason()).contains("only photos"));
  }

  @Test
  void aReplyWithoutAThreadIsRefusedWithoutCallingMeta() {
    SendResult result = connector.send(FacebookFixtures.text(PAGE, "26458393011122334", "hi", Optional.empty()),
        PAGE_ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT));
    assertThat(fake.received()).isEmpty();
  }

  @Test
  void aPrivateReplyGoesThroughTheSendApiToTheComment() {
    SendResult result = connector.sendPrivateReply(PAGE, COMMENT, "I sent you the tracking link privately");

    assertThat(fake.problems()).isEmpty();
    assertThat(fake.last().path()).isEqualTo("/v24.0/" + FacebookFixtures.PAGE_ID + "/messages");
    assertThat(fake.last().json().path("recipient").path("comment_id").asText()).isEqualTo(COMMENT);
    assertThat(result).isEqualTo(SendResult.sent("m_sent-1001"));
  }

  @Test
  void aSecondPrivateReplyRefusedByMetaIsPermanentAndBadArgumentsAreInvalidInput() {
    fake.failNext(400, 10900, 0, "Activity already replied to");

    assertThat(connector.sendPrivateReply(PAGE, COMMENT, "again")).isInstanceOfSatisfying(SendResult.Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT));
    assertThatThrownBy(() -> connector.sendPrivateReply(PAGE, COMMENT, " "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> connector.sendPrivateReply(
        io.openchannel.account.AccountId.of("none"), COMMENT, "x")).isInstanceOf(InvalidInputException.class);
  }
}
