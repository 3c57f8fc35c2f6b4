package io.openchannel.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.spi.channel.SendResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One connector serves every conversation of an engine from several dispatcher threads at once:
 * sends and webhook parsing share nothing but the HTTP client, so each send gets its own answer.
 */
class ConcurrentSendTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 10;

  private final FakeCloudApi fake = new FakeCloudApi();
  private final WhatsAppConnector connector = WhatsAppFixtures.connector(fake);
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void concurrentSendsAndDeliveriesEachGetTheirOwnAnswer() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String customer = "1650555" + (1000 + t);
      Callable<List<String>> work = () -> {
        start.await();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
          SendResult result = connector.send(WhatsAppFixtures.text(customer, customer + " #" + i),
              WhatsAppFixtures.ACCOUNT);
          ids.add(((SendResult.Sent) result).channelMessageId());
          assertThat(connector.handle(WhatsAppFixtures.delivery("batch"), WhatsAppFixtures.ACCOUNT)
              .events()).hasSize(4);
        }
        return ids;
      };
      futures.add(pool.submit(work));
    }
    start.countDown();

    Set<String> all = new HashSet<>();
    for (Future<List<String>> f : futures) {
      all.addAll(f.get(30, TimeUnit.SECONDS));
    }
    assertThat(all).hasSize(THREADS * PER_THREAD);
    // Each request reached the fake with its own customer and text, none mixed up.
    assertThat(fake.sent()).hasSize(THREADS * PER_THREAD)
        .allSatisfy(body -> assertThat(body.path("text").path("body").asText())
            .startsWith(body.path("to").asText() + " #"));
  }
}
