package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.LoopbackServer.Received;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.tck.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replies reach the fake connector service in Bot Framework's shape; answers are classified. */
class TeamsSendTest {
  private final FakeBotFramework fake = new FakeBotFramework();
  private final ManualClock clock = TeamsFixtures.clock();
  private final TeamsConnector connector = TeamsFixtures.connector(fake, clock);

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aReplyIsPostedIntoTheConversationWithABearerToken() {
    SendResult result = connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "Hi Megan 👋 مرحبا"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.sent(TeamsFixtures.PERSONAL + "|1001"));
    Received post = fake.activities().get(0);
    assertThat(post.path()).isEqualTo("/teams/v3/conversations/"
        + "a%3A1Hq9vP2sFq0S3wMJ7bKxkQ0XQnS6bJz_yN2uL8fGm4pR5tW1cV3eA7dB9hI2oK/activities");
    assertThat(post.header("Authorization")).isEqualTo("Bearer token-1");
    assertThat(post.json().get("type").asText()).isEqualTo("message");
    assertThat(post.json().get("text").asText()).isEqualTo("Hi Megan 👋 مرحبا");
    assertThat(post.json().get("textFormat").asText()).isEqualTo("plain");
  }

  @Test
  void aChannelThreadIdIsEncodedIntoOnePathSegment() {
    connector.send(TeamsFixtures.text("19:9f0a@thread.tacv2;messageid=17", "On it"), ACCOUNT);

    assertThat(fake.activities().get(0).path())
        .isEqualTo("/teams/v3/conversations/19%3A9f0a%40thread.tacv2%3Bmessageid%3D17/activities");
  }

  @Test
  void theTokenIsReusedUntilShortlyBeforeItExpires() {
    connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "one"), ACCOUNT);
    clock.advance(Duration.ofSeconds(3599).minus(AccessTokens.MARGIN).minusSeconds(1));
    connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "two"), ACCOUNT);
    assertThat(fake.tokensIssued()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "three"), ACCOUNT);

    assertThat(fake.tokensIssued()).isEqualTo(2);
    assertThat(fake.activities().get(2).header("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void aRevokedTokenIsRenewedOnceOnA401() {
    connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "one"), ACCOUNT);
    fake.revokeTokens();

    SendResult result = connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "two"), ACCOUNT);

    assertThat(result).isInstanceOf(SendResult.Sent.class);
    assertThat(fake.activities()).hasSize(3); // one, two refused with 401, two again
  }

  @Test
  void concurrentSendersShareOneTokenRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<SendResult>> sends = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        sends.add(() -> connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hello"), ACCOUNT));
      }
      for (Future<SendResult> f : pool.invokeAll(sends)) {
        assertThat(f.get()).isInstanceOf(SendResult.Sent.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.tokensIssued()).isEqualTo(1);
  }

  @Test
  void tooManyRequestsIsTransientAfterRetryAfter() {
    fake.failNext(429, "Throttled", "Too many requests", "7");

    SendResult result = connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT);

    assertThat(result).isEqualTo(SendResult.transientFailure("Teams 429 Throttled: Too many requests",
        Optional.of(Duration.ofSeconds(7))));
  }

  @Test
  void aServerErrorIsTransient() {
    fake.failNext(503, "ServiceUnavailable", "try later", null);

    assertThat(connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isEqualTo(SendResult.transientFailure("Teams 503 ServiceUnavailable: try later", Optional.empty()));
  }

  @Test
  void anOversizedMessageIsPermanent() {
    fake.failNext(413, "MessageSizeTooBig", "Activity body too large", null);

    SendResult result = connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
      assertThat(f.reason()).startsWith("Teams 413 MessageSizeTooBig: Activity body too large");
    });
  }

  @Test
  void aBotRemovedFromTheConversationIsPermanentWithTeamsReason() {
    fake.failNext(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.", null);

    SendResult result = connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
      assertThat(f.reason()).contains("403 BotNotInConversationRoster: The bot is not part");
    });
  }

  @Test
  void anUnknownConversationIsPermanent() {
    fake.failNext(404, "ConversationNotFound", "Conversation not found.", null);

    assertThat(connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT));
  }

  @Test
  void aTokenEndpointOutageIsTransientAndBadCredentialsArePermanent() {
    fake.tokenEndpointAnswers(503);
    assertThat(connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(SendResult.FailureKind.TRANSIENT));
    fake.tokenEndpointAnswers(401);
    assertThat(connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class, f -> {
          assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
          assertThat(f.reason()).contains("check the app id").doesNotContain(FakeBotFramework.APP_PASSWORD);
        });
    assertThat(fake.activities()).isEmpty();
  }

  @Test
  void theRememberedServiceUrlIsUsedAndAnUnsafeDefaultIsRefusedWithoutSendingTheToken() {
    try (FakeBotFramework region = new FakeBotFramework()) {
      // the default points at another fake: a reply there would show the remembered one was ignored
      TeamsConnector c = new TeamsConnector(TeamsFixtures.config(fake, clock)
          .defaultServiceUrl(region.serviceUrl()).build());
      c.handle(TeamsFixtures.activity("personal-text", fake), ACCOUNT);

      assertThat(c.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT)).isInstanceOf(SendResult.Sent.class);
      assertThat(fake.activities()).hasSize(1);
      assertThat(region.received()).isEmpty();
    }
  }

  @Test
  void aReplyAnswersTheCustomersLastMessageEvenAfterOtherActivities() {
    connector.handle(TeamsFixtures.activity("personal-text", fake), ACCOUNT);
    connector.handle(TeamsFixtures.activity("messageReaction", fake), ACCOUNT);

    assertThat(connector.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isInstanceOf(SendResult.Sent.class);

    Received post = fake.activities().get(0);
    assertThat(post.path()).endsWith("/activities/1732443300123");
    assertThat(post.json().get("replyToId").asText()).isEqualTo("1732443300123");
  }

  @Test
  void anUnknownConversationGoesToTheDefaultServiceUrl() {
    assertThat(connector.send(TeamsFixtures.text("a:never-seen", "hi"), ACCOUNT)).isInstanceOf(SendResult.Sent.class);
    assertThat(fake.activities().get(0).path()).startsWith("/teams/v3/conversations/a%3Anever-seen/");
  }

  @Test
  void aRememberedPlainHttpServiceUrlOffLoopbackIsRefusedBeforeAnyTokenIsFetched() {
    TeamsConnector c = new TeamsConnector(TeamsFixtures.config(fake, clock)
        .conversationReferences(new ConversationReferences() {
          @Override
          public void remember(io.openchannel.account.AccountId a, String conversation, Reference reference) {}

          @Override
          public Optional<Reference> find(io.openchannel.account.AccountId a, String conversation) {
            return Optional.of(new Reference(java.net.URI.create("http://attacker.example/teams/"), Optional.empty()));
          }
        }).build());

    assertThat(c.send(TeamsFixtures.text(TeamsFixtures.PERSONAL, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class, f -> {
          assertThat(f.kind()).isEqualTo(SendResult.FailureKind.PERMANENT);
          assertThat(f.reason()).contains("must use https");
        });
    assertThat(fake.tokensIssued()).isZero();
  }

  @Test
  void withoutAConversationThreadNothingIsSent() {
    assertThat(connector.send(TeamsFixtures.text(null, "hi"), ACCOUNT))
        .isInstanceOfSatisfying(SendResult.Failed.class,
            f -> assertThat(f.reason()).contains("no Teams conversation"));
    assertThat(fake.received()).isEmpty();
  }
}
