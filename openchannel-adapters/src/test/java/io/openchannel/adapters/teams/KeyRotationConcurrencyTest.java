package io.openchannel.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host replaces the key set while requests are being checked, on real threads: every request
 * is judged against one whole key set, old or new, never a mix or an error other than refusal.
 */
class KeyRotationConcurrencyTest {
  private final FakeBotFramework fake = new FakeBotFramework();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void requestsCheckedDuringRotationsAreEitherAcceptedOrCleanlyRefused() throws Exception {
    RSAKey next = new RSAKeyGenerator(2048).keyID("bf-key-2027").generate();
    String oldSet = TeamsFixtures.JWKS;
    String bothSets = "{\"keys\":[" + TeamsFixtures.withEndorsements(TeamsFixtures.KEY, "\"msteams\"") + ","
        + TeamsFixtures.withEndorsements(next, "\"msteams\"") + "]}";
    BotFrameworkKeys keys = BotFrameworkKeys.parse(oldSet);
    TeamsConnector connector = new TeamsConnector(TeamsConfig.builder(keys)
        .bot(TeamsFixtures.TEAMS, TeamsFixtures.APP_ID, FakeBotFramework.APP_PASSWORD)
        .clock(TeamsFixtures.clock()).build());
    WebhookRequest byOld = TeamsFixtures.activity("personal-text", fake);
    WebhookRequest byNext = TeamsFixtures.post(TeamsFixtures.json("personal-text", fake),
        TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), next));

    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch started = new CountDownLatch(4);
    List<Thread> checkers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      WebhookRequest request = t % 2 == 0 ? byOld : byNext;
      Thread checker = new Thread(() -> {
        started.countDown();
        while (!stop.get()) {
          try {
            assertThat(connector.handle(request, TeamsFixtures.ACCOUNT).events()).hasSize(1);
          } catch (WebhookVerificationException refused) {
            if (!refused.getMessage().contains("not in the Bot Framework key set")) {
              unexpected.add(refused);
            }
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }
      });
      checker.start();
      checkers.add(checker);
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 200; i++) {
      keys.replace(i % 2 == 0 ? bothSets : oldSet);
    }
    keys.replace(bothSets);
    stop.set(true);
    for (Thread checker : checkers) {
      checker.join(10_000);
    }

    assertThat(unexpected).isEmpty();
    assertThat(connector.handle(byNext, TeamsFixtures.ACCOUNT).events()).hasSize(1);
  }
}
