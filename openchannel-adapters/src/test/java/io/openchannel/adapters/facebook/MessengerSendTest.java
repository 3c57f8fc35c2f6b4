package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.FB;
import static io.openchannel.adapters.facebook.FacebookFixtures.MESSENGER_ACCOUNT;
import static io.openchannel.adapters.facebook.FacebookFixtures.PSID;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.MessagingType;
import io.openchannel.policy.SendDecision;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messenger sends against the fake Graph API, which checks every call. */
class MessengerSendTest {
  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.PAGE_TOKEN));
  private final MessengerConnector connector = new MessengerConnector(FacebookFixtures.config(fake));

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void textGoesToThePagesMessagesEdgeAsAResponseByDefault() {
    SendResult result = connector.send(FacebookFixtures.text(FB, PSID, "On its way 🚚", Optional.empty()),
        MESSENGER_ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent("m_sent-1001"));
    assertThat(fake.problems()).isEmpty();
    var body = fake.last().json();
    assertThat(fake.last().path()).isEqualTo("/v24.0/" + FacebookFixtures.PAGE_ID + "/messages");
    assertThat(body.path("recipient").path("id").asText()).isEqualTo(PSID);
    assertThat(body.path("messaging_type").asText()).isEqualTo("RESPONSE");
    assertThat(body.has("tag")).isFalse();
    assertThat(body.path("message").path("text").asText()).isEqualTo("On its way 🚚");
  }

  @Test
  void thePolicysTermsChooseTheMessagingTypeAndTag() {
    connector.send(FacebookFixtures.text(FB, PSID, "Update", Optional.of(
        SendDecision.Allowed.meta(MessagingType.UPDATE, Optional.empty()))), MESSENGER_ACCOUNT);
    assertThat(fake.last().json().path("messaging_type").asText()).isEqualTo("UPDATE");

    connector.send(FacebookFixtures.text(FB, PSID, "Sorry for the wait", Optional.of(
        SendDecision.Allowed.tagged(MessageTag.HUMAN_AGENT, Instant.parse("2026-12-01T00:00:00Z")))),
        MESSENGER_ACCOUNT);
    assertThat(fake.last().json().path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
    assertThat(fake.last().json().path("tag").asText()).isEqualTo("HUMAN_AGENT");
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aFileIsUploadedAsFiledataAndItsCaptionFollowsAsText() {
    byte[] pdf = "%PDF-1.7 fake".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SendResult result = connector.send(FacebookFixtures.file(FB, ConversationKey.direct(FB, PSID),
        "Your invoice", FacebookFixtures.attachment("invoice.pdf", "application/pdf", pdf.length), pdf),
        MESSENGER_ACCOUNT);

    assertThat(fake.problems()).isEmpty();
    assertThat(fake.received()).hasSize(2);
    var upload = fake.received().get(0).parts();
    assertThat(upload.get("filedata").bytes()).isEqualTo(pdf);
    assertThat(upload.get("filedata").fileName()).isEqualTo("invoice.pdf");
    assertThat(upload.get("message").text()).contains("\"type\":\"file\"");
    assertThat(upload.get("messaging_type").text()).isEqualTo("RESPONSE");
    assertThat(fake.last().json().path("message").path("text").asText()).isEqualTo("Your invoice");
    assertThat(result).isEqualTo(SendResult.sent("m_sent-1001"));
  }

  @Test
  void aFailedCaptionDoesNotFailTheFileThatWentOut() {
    byte[] png = {1, 2, 3};
    fake.answerNext(200, "{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_file\"}", Map.of())
        .failNext(500, 2, 0, "Service temporarily unavailable");

    SendResult result = connector.send(FacebookFixtures.file(FB, ConversationKey.direct(FB, PSID), "caption",
        FacebookFixtures.attachment("a.png", "image/png", 3), png), MESSENGER_ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent("m_file"));
    assertThat(fake.received().get(0).parts().get("message").text()).contains("\"type\":\"image\"");
  }

  @Test
  void rateLimitsAreTransientWithTheWaitMetaAsksFor() {
    fake.answerNext(429, FakeGraph.error(613, 0, "Calls to this api have exceeded the rate limit."),
        Map.of("Retry-After", "12"));

    SendResult result = connector.send(FacebookFixtures.text(FB, PSID, "hi", Optional.empty()), MESSENGER_ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.retryAfter()).contains(Duration.ofSeconds(12));
    });
  }

  @Test
  void outsideTheWindowIsAPolicyFailureWithMetasWords() {
    fake.failNext(400, 10, 2018278, "This message is sent outside of allowed window.");

    SendResult result = connector.send(FacebookFixtures.text(FB, PSID, "hi", Optional.empty()), MESSENGER_ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.POLICY);
      assertThat(f.reason()).contains("outside of allowed window");
    });
  }

  @Test
  void anUnavailablePersonIsPermanent() {
    fake.failNext(400, 551, 1545041, "This person isn't available right now.");

    SendResult result = connector.send(FacebookFixtures.text(FB, PSID, "hi", Optional.empty()), MESSENGER_ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT));
  }

  @Test
  void anUnreachableGraphIsTransientAndNamesNoIds() {
    fake.close();

    SendResult result = connector.send(FacebookFixtures.text(FB, PSID, "hi", Optional.empty()), MESSENGER_ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.reason()).doesNotContain(PSID).doesNotContain(FacebookFixtures.PAGE_TOKEN);
    });
  }

  @Test
  void concurrentSendsFromSeveralThreadsAllGoOutOnce() throws Exception {
    int threads = 8;
    int each = 10;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    var start = new java.util.concurrent.CountDownLatch(1);
    var results = new java.util.concurrent.ConcurrentLinkedQueue<SendResult>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) {
          results.add(connector.send(FacebookFixtures.text(FB, PSID, "t" + thread + " #" + i,
              Optional.empty()), MESSENGER_ACCOUNT));
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(results).hasSize(threads * each).allSatisfy(r -> assertThat(r).isInstanceOf(SendResult.Sent.class));
    assertThat(results.stream().map(r -> ((SendResult.Sent) r).channelMessageId()).distinct()).hasSize(threads * each);
    assertThat(fake.received()).hasSize(threads * each);
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void anAccountWithoutPageFailsPermanently() {
    var other = io.openchannel.account.Account.of(io.openchannel.account.AccountId.of("nope"),
        io.openchannel.account.ChannelType.FACEBOOK_MESSENGER, "x",
        io.openchannel.account.AccountSettings.builder().build());

    assertThat(connector.send(FacebookFixtures.text(FB, PSID, "hi", Optional.empty()), other))
        .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.reason()).contains("nope"));
  }
}
