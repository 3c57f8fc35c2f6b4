package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.twitter.XFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.LoopbackServer.Received;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.tck.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct messages reach the fake X API in v2's shape; answers are classified. */
class XSendTest {
  private final FakeX fake = new FakeX();
  private final ManualClock clock = new ManualClock(XFixtures.NOW);
  private final XConnector connector = XFixtures.connector(fake, clock);

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aTextIsPostedToTheParticipantsConversationWithTheUserToken() {
    SendResult result = connector.send(XFixtures.text(XFixtures.LAYLA, "Hi Layla 👋 مرحبا"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent("1582838000000000001"));
    Received post = fake.last();
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/2/dm_conversations/with/3001969357/messages");
    assertThat(post.header("Authorization")).isEqualTo("Bearer " + FakeX.TOKEN);
    assertThat(post.json().get("text").asText()).isEqualTo("Hi Layla 👋 مرحبا");
    assertThat(post.json().size()).isEqualTo(1);
  }

  @Test
  void tenThousandCharactersGoAndOneMoreDoesNot() {
    String emoji = "🙂".repeat(10_000); // 10,000 characters, 20,000 UTF-16 units
    assertThat(connector.send(XFixtures.text(XFixtures.LAYLA, emoji), ACCOUNT)).isInstanceOf(SendResult.Sent.class);

    SendResult tooLong = connector.send(XFixtures.text(XFixtures.LAYLA, emoji + "!"), ACCOUNT);

    assertThat(tooLong).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
      assertThat(f.reason()).contains("10001 characters");
    });
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void aRateLimitIsTransientUntilTheResetTime() {
    long reset = XFixtures.NOW.getEpochSecond() + 420;
    fake.failNext(429, "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}",
        Map.of("x-rate-limit-reset", Long.toString(reset), "x-rate-limit-remaining", "0"));

    SendResult result = connector.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.transientFailure("X 429 Too Many Requests: Too Many Requests",
        Optional.of(Duration.ofSeconds(420))));
  }

  @Test
  void aResetAlreadyPastMeansRetryNow() {
    fake.failNext(429, "{}", Map.of("x-rate-limit-reset", Long.toString(XFixtures.NOW.getEpochSecond() - 5)));

    assertThat(connector.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT))
        .isEqualTo(SendResult.transientFailure("X 429", Optional.of(Duration.ZERO)));
  }

  @Test
  void aRecipientWhoDoesNotAcceptMessagesIsPermanentWithXsReason() {
    fake.failNext(403, "{\"detail\":\"You cannot send messages to this user.\",\"type\":\"about:blank\","
        + "\"title\":\"Forbidden\",\"status\":403}", Map.of());

    assertThat(connector.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT))
        .isEqualTo(SendResult.permanentFailure("X 403 Forbidden: You cannot send messages to this user."));
  }

  @Test
  void aServerErrorIsTransient() {
    fake.failNext(503, "<html>over capacity</html>", Map.of("Retry-After", "12"));

    assertThat(connector.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT))
        .isEqualTo(SendResult.transientFailure("X 503", Optional.of(Duration.ofSeconds(12))));
  }

  @Test
  void anExpiredTokenIsPermanentAndSaysSo() {
    XConnector stale = new XConnector(XConfig.builder()
        .account(XFixtures.X, XFixtures.OWN_USER, XFixtures.CONSUMER_SECRET, () -> "expired")
        .apiBaseUrl(fake.baseUrl()).clock(clock).build());

    assertThat(stale.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class, f -> {
          assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
          assertThat(f.reason()).contains("X 401").contains("dm.write");
        });
  }

  @Test
  void aFailingTokenSupplierIsTransientAndSendsNothing() {
    XConnector broken = new XConnector(XConfig.builder()
        .account(XFixtures.X, XFixtures.OWN_USER, XFixtures.CONSUMER_SECRET, () -> {
          throw new IllegalStateException("identity provider down");
        }).apiBaseUrl(fake.baseUrl()).clock(clock).build());

    assertThat(broken.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT)).isEqualTo(
        SendResult.transientFailure("no X user token: identity provider down", Optional.empty()));
    assertThat(fake.received()).isEmpty();
  }

  @Test
  void anImageIsUploadedForDmsThenAttachedByItsMediaId() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

    SendResult result = connector.send(XFixtures.image(XFixtures.LAYLA, "your label", "image/png", png), ACCOUNT);

    assertThat(result).isInstanceOf(SendResult.Sent.class);
    List<Received> calls = fake.received();
    assertThat(calls).extracting(Received::path)
        .containsExactly("/2/media/upload", "/2/dm_conversations/with/3001969357/messages");
    assertThat(calls.get(0).json().get("media_type").asText()).isEqualTo("image/png");
    String mediaId = calls.get(1).json().get("attachments").get(0).get("media_id").asText();
    assertThat(fake.uploaded(mediaId)).isEqualTo(png);
    assertThat(calls.get(1).json().get("text").asText()).isEqualTo("your label");
  }

  @Test
  void anImageWithoutCaptionGoesWithoutText() {
    connector.send(XFixtures.image(XFixtures.LAYLA, "", "image/jpeg", new byte[] {1}), ACCOUNT);

    assertThat(fake.last().json().has("text")).isFalse();
  }

  @Test
  void aThrottledUploadSendsNoMessage() {
    fake.failNext(429, "{\"title\":\"Too Many Requests\"}",
        Map.of("x-rate-limit-reset", Long.toString(XFixtures.NOW.getEpochSecond() + 60)));

    SendResult result = connector.send(XFixtures.image(XFixtures.LAYLA, "", "image/png", new byte[] {1}), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.transientFailure("X 429 Too Many Requests",
        Optional.of(Duration.ofSeconds(60))));
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void aPdfIsRefusedWithoutACall() {
    SendResult result = connector.send(XFixtures.image(XFixtures.LAYLA, "", "application/pdf", new byte[] {1}),
        ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
      assertThat(f.reason()).contains("images");
    });
    assertThat(fake.received()).isEmpty();
  }

  @Test
  void aNonNumericRecipientIsRefusedWithoutACall() {
    assertThat(connector.send(XFixtures.text("@layla_h", "hi"), ACCOUNT))
        .isInstanceOf(SendResult.Failed.class);
    assertThat(fake.received()).isEmpty();
  }

  @Test
  void aNetworkFailureIsTransient() {
    fake.close();

    assertThat(connector.send(XFixtures.text(XFixtures.LAYLA, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(SendResult.FailureKind.TRANSIENT));
  }
}
