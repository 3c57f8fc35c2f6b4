package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.contact.Journey;
import io.openchannel.contact.JourneyEntry;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.Permission;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transcripts and journeys are read in one transaction: read while the customer and the agent
 * keep writing on other threads, each is a consistent snapshot, never a torn one.
 */
class TranscriptSnapshotTest {
  private final EngineFixture f = new EngineFixture();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aTranscriptReadWhileMessagesArriveIsAPrefixOfTheFinalMessages() throws Exception {
    f.oc.agents().update(f.oc.agents().get(ANN)
        .withPermissions(Set.of(Permission.OUTBOUND, Permission.TRANSCRIPT_DOWNLOAD)));
    InteractionId id = f.openAssignedToAnn();
    CountDownLatch start = new CountDownLatch(1);
    // Writers wait until every reader has a first snapshot: on two busy cores they could
    // otherwise finish before any reader ran, and the test would check nothing.
    CountDownLatch readersReading = new CountDownLatch(2);
    AtomicBoolean writing = new AtomicBoolean(true);
    Future<?> customer = pool.submit(() -> {
      start.await();
      readersReading.await();
      for (int i = 0; i < 150; i++) {
        f.oc.receive(FB, f.inbound("psid-mia", "customer " + i));
      }
      return null;
    });
    Future<?> agent = pool.submit(() -> {
      start.await();
      readersReading.await();
      for (int i = 0; i < 150; i++) {
        f.oc.desk(ANN).sendText(id, "agent " + i);
      }
      return null;
    });
    List<Future<List<Transcript>>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        List<Transcript> seen = new ArrayList<>();
        start.await();
        do {
          seen.add(f.oc.desk(ANN).transcript(id, TranscriptOptions.defaults()));
          readersReading.countDown();
        } while (writing.get());
        return seen;
      }));
    }

    start.countDown();
    customer.get(30, TimeUnit.SECONDS);
    agent.get(30, TimeUnit.SECONDS);
    writing.set(false);

    List<MessageId> all = f.oc.interactions().messages(id).stream().map(Message::id).toList();
    assertThat(all).hasSize(1 + 1 + 300); // first message, auto-reply, 300 more
    int snapshots = 0;
    for (Future<List<Transcript>> reader : readers) {
      for (Transcript t : reader.get(30, TimeUnit.SECONDS)) {
        List<MessageId> ids = t.entries().stream().map(TranscriptEntry::message).toList();
        assertThat(all.subList(0, ids.size())).isEqualTo(ids);
        snapshots++;
      }
    }
    assertThat(snapshots).isPositive();
  }

  @Test
  void aJourneyReadWhileInteractionsCloseAndOpenIsConsistent() throws Exception {
    InteractionId first = f.openAssignedToAnn();
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch readerReading = new CountDownLatch(1);
    Future<?> writer = pool.submit(() -> {
      start.await();
      readerReading.await(); // see the transcript test: make the reader overlap the writes
      InteractionId current = first;
      for (int i = 0; i < 60; i++) {
        f.oc.desk(ANN).close(current);
        current = f.oc.receive(FB, f.inbound("psid-mia", "again " + i)).interaction().id();
        f.oc.assign(current, ANN);
      }
      return null;
    });
    Future<List<Journey>> reader = pool.submit(() -> {
      List<Journey> seen = new ArrayList<>();
      start.await();
      do {
        seen.add(f.oc.contacts().journey(f.oc.interactions().get(first).contact()));
        readerReading.countDown();
      } while (writing.get());
      return seen;
    });

    start.countDown();
    writer.get(30, TimeUnit.SECONDS);
    writing.set(false);

    for (Journey j : reader.get(30, TimeUnit.SECONDS)) {
      // One conversation: at most one open interaction, and it is the newest.
      assertThat(j.entries().stream().filter(JourneyEntry::isOpen).count()).isLessThanOrEqualTo(1);
      j.entries().stream().skip(1).forEach(e -> assertThat(e.isOpen()).isFalse());
      assertThat(j.entries()).allSatisfy(e -> assertThat(e.messageCount()).isPositive());
    }
  }
}
