package io.openchannel;

import static io.openchannel.ConversationFixture.ANN;
import static io.openchannel.ConversationFixture.AUTO;
import static io.openchannel.ConversationFixture.BOB;
import static io.openchannel.ConversationFixture.MAPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.ContactId;
import io.openchannel.event.ContactCreated;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Real threads delivering customers' messages at the same time, with and without agents acting
 * on the same interactions from other threads. No sleeps: threads start together at a barrier
 * and run a fixed amount of work; the checks run once every thread has finished.
 */
class ConcurrentInboundTest {
  private static final int THREADS = 8;
  /** Agent messages stored over every repetition: proof that the agents were not idle. */
  private static final AtomicInteger AGENT_MESSAGES = new AtomicInteger();

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 4);
  private final ConversationFixture f = new ConversationFixture(true);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("test threads stopped").isTrue();
  }

  @RepeatedTest(10)
  void oneSenderWritingFromManyThreadsAtOnceGetsOneContactConversationAndInteraction()
      throws Exception {
    SenderProfile mia = SenderProfile.of("psid-mia", "Mia", "Rossi");
    int rounds = 20;
    CyclicBarrier eachRound = new CyclicBarrier(THREADS);
    Map<String, Set<MessageId>> storedAs = new ConcurrentHashMap<>();
    List<ReceiveResult> results = new CopyOnWriteArrayList<>();
    Map<Integer, List<String>> sentByThread = new ConcurrentHashMap<>();

    runTogether(THREADS, t -> () -> {
      List<String> mine = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        eachRound.await(10, TimeUnit.SECONDS);
        // Every thread delivers the same message: a webhook retried on several nodes at once.
        InboundMessage shared = message("shared-" + r, mia, "same for all " + r + " 🔁", r % 3 == 0);
        // And one of its own.
        InboundMessage own = message("t" + t + "-" + r, mia, "from thread " + t + " ✓", r % 4 == t % 4);
        for (InboundMessage m : t % 2 == 0 ? List.of(shared, own) : List.of(own, shared)) {
          ReceiveResult result = f.engine.receive(AUTO, m);
          results.add(result);
          storedAs.computeIfAbsent(m.channelMessageId(), k -> ConcurrentHashMap.newKeySet())
              .add(result.message().id());
          if (m == own) {
            mine.add(m.channelMessageId());
          }
        }
      }
      sentByThread.put(t, mine);
      return null;
    });

    ConversationKey key = ConversationKey.direct(AUTO, "psid-mia");
    Conversation conversation = f.engine.interactions().findConversation(key).orElseThrow();
    List<Interaction> interactions = f.engine.interactions().ofConversation(conversation.id());
    assertThat(interactions).as("one interaction: nobody closed it").hasSize(1);
    assertThat(interactions.get(0).isOpen()).isTrue();
    assertThat(results.stream().filter(ReceiveResult::newInteraction)).as("opened once").hasSize(1);
    assertThat(f.events.all().stream().filter(ContactCreated.class::isInstance)).as("one contact")
        .hasSize(1);
    assertThat(f.engine.contacts().findByIdentity(ChannelIdentity.of(AUTO, "psid-mia")))
        .map(c -> c.id()).contains(conversation.contact());

    List<Message> stored = f.engine.interactions().messages(interactions.get(0).id());
    assertThat(stored.stream().filter(Message::autoReply)).as("one auto-reply").hasSize(1);
    List<String> inbound = stored.stream().filter(m -> m.direction() == Direction.IN)
        .map(m -> m.channelMessageId().orElseThrow()).toList();
    assertThat(inbound).as("every distinct message stored once").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(storedAs.keySet());
    storedAs.forEach((channelId, ids) ->
        assertThat(ids).as("every delivery of %s names one stored message", channelId).hasSize(1));
    assertThat(results.stream().filter(r -> !r.duplicate())).as("stored deliveries")
        .hasSize(storedAs.size());
    sentByThread.forEach((t, mine) -> assertThat(inbound.stream().filter(mine::contains).toList())
        .as("thread %s's messages in the order it sent them", t).containsExactlyElementsOf(mine));
    ConversationInvariants.assertHold(f, List.of(key), f.events.all());
  }

  @RepeatedTest(10)
  void sendersSharingAMapKeyValueWritingAtOnceShareOneContact() throws Exception {
    int senders = THREADS;
    CountDownLatch start = new CountDownLatch(1);
    List<SenderProfile> profiles = IntStream.range(0, senders).mapToObj(i -> new SenderProfile(
        "web-" + i, Optional.of("Ana"), Optional.empty(), Map.of("phone", "+34 600 000 000")))
        .toList();

    runTogether(senders, t -> () -> {
      start.await();
      for (int r = 0; r < 5; r++) {
        f.engine.receive(MAPPED, message("w" + t + "-" + r, profiles.get(t), "hola " + r, false));
      }
      return null;
    }, start);

    Set<ContactId> contacts = new HashSet<>();
    for (SenderProfile p : profiles) {
      contacts.add(f.engine.interactions()
          .findConversation(ConversationKey.direct(MAPPED, p.externalId())).orElseThrow().contact());
    }
    assertThat(contacts).as("one contact found through the map key (S5)").hasSize(1);
    assertThat(f.engine.contacts().get(contacts.iterator().next()).identities())
        .as("every sender linked to it").hasSize(senders);
    ConversationInvariants.assertHold(f, profiles.stream()
        .map(p -> ConversationKey.direct(MAPPED, p.externalId())).toList(), f.events.all());
  }

  @RepeatedTest(5)
  void manySendersWithAgentsHostAndRetriesInterleavedKeepEveryInvariant() throws Exception {
    int senders = 6;
    int messagesPerSender = 40;
    int agentOps = 300;
    List<SenderProfile> profiles = IntStream.range(0, senders)
        .mapToObj(i -> new SenderProfile("c-" + i, Optional.of("Cliente " + i), Optional.empty(),
            Map.of("phone", "+1 555 000" + (i % 3)))) // pairs share a phone number
        .toList();
    List<AccountId> accounts = List.of(AUTO, MAPPED);
    List<InteractionId> known = new CopyOnWriteArrayList<>();
    List<Delivered> delivered = new CopyOnWriteArrayList<>();
    List<AgentMessage> agentMessages = new CopyOnWriteArrayList<>();
    Set<InteractionId> closedByUs = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch sendersDone = new CountDownLatch(senders);
    CountDownLatch start = new CountDownLatch(1);
    long seed = new Random().nextLong();

    List<Callable<Void>> work = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      work.add(() -> {
        start.await();
        try {
          AccountId account = accounts.get(sender % 2);
          for (int n = 0; n < messagesPerSender; n++) {
            InboundMessage m = message("s" + sender + "-" + n, profiles.get(sender),
                "message " + n + " من " + sender, n % 10 == 3);
            ReceiveResult r = f.engine.receive(account, m);
            assertThat(r.duplicate()).isFalse();
            if (r.newInteraction()) {
              known.add(r.interaction().id());
            }
            delivered.add(new Delivered(account, m, r.message().id()));
            Thread.yield(); // let agents and the host in between two messages
          }
        } finally {
          sendersDone.countDown();
        }
        return null;
      });
    }
    for (AgentId agent : List.of(ANN, BOB)) {
      Random random = new Random(seed ^ agent.hashCode());
      work.add(() -> {
        start.await();
        AgentDesk desk = f.engine.desk(agent);
        for (int op = 0; op < agentOps; ) {
          if (known.isEmpty()) {
            Thread.onSpinWait();
            continue;
          }
          op++;
          // Mostly one of the newest interactions, which are likely still open.
          int size = known.size(); // read once: other threads keep adding
          InteractionId id = random.nextBoolean()
              ? known.get(size - 1 - random.nextInt(Math.min(size, senders)))
              : known.get(random.nextInt(size));
          try {
            // Take it if someone else has it (the state read here may be stale: that is the race),
            // otherwise work on it; close now and then.
            if (!f.engine.interactions().get(id).owner().equals(Optional.of(agent))) {
              f.engine.assign(id, agent);
              continue;
            }
            switch (random.nextInt(16)) {
              case 0, 1, 2, 3, 4, 5 -> agentMessages.add(
                  new AgentMessage(agent, desk.sendText(id, "reply " + op + " 🙂")));
              case 6, 7 -> agentMessages.add(new AgentMessage(agent, desk.addNote(id, "note " + op)));
              case 8, 9 -> agentMessages.add(new AgentMessage(agent,
                  desk.sendCanned(id, CannedAnswerId.of("greet"))));
              case 10, 11 -> desk.markRead(id);
              case 12 -> desk.addTags(id, Set.of(Tag.of("seen-by-" + agent.value())));
              case 13 -> {
                desk.closeAndDispose(id, DispositionId.of("resolved"));
                closedByUs.add(id);
              }
              case 14 -> {
                desk.close(id);
                closedByUs.add(id);
              }
              default -> desk.markUnread(id);
            }
          } catch (PermissionDeniedException | IllegalTransitionException expected) {
            refused.incrementAndGet(); // another thread took or closed it first
          }
        }
        return null;
      });
    }
    work.add(() -> { // the host: its own timeout closes some interactions; time moves on
      Random random = new Random(seed);
      start.await();
      int closes = 0;
      while (sendersDone.getCount() > 0) {
        f.clock.advance(Duration.ofMillis(1));
        if (closes < 2 * senders && !known.isEmpty() && random.nextInt(64) == 0) {
          closes++;
          InteractionId id = known.get(random.nextInt(known.size()));
          try {
            f.engine.close(id);
            closedByUs.add(id);
          } catch (IllegalTransitionException alreadyClosed) {
            refused.incrementAndGet();
          }
        }
        Thread.yield();
      }
      return null;
    });
    work.add(() -> { // webhook retries of what was already stored, from another thread
      Random random = new Random(~seed);
      start.await();
      while (sendersDone.getCount() > 0 || random.nextInt(50) != 0) {
        if (delivered.isEmpty()) {
          Thread.onSpinWait();
          continue;
        }
        Delivered d = delivered.get(random.nextInt(delivered.size()));
        ReceiveResult again = f.engine.receive(d.account(), d.message());
        assertThat(again.duplicate()).as("resend of %s", d.message().channelMessageId()).isTrue();
        assertThat(again.message().id()).isEqualTo(d.storedAs());
      }
      return null;
    });
    runAll(work, start);

    List<ConversationKey> keys = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      keys.add(ConversationKey.direct(accounts.get(s % 2), profiles.get(s).externalId()));
    }
    List<OpenChannelEvent> events = f.events.all();
    ConversationInvariants.assertHold(f, keys, events);

    Map<MessageId, Message> storedById = new HashMap<>();
    for (int s = 0; s < senders; s++) {
      Conversation c = f.engine.interactions().findConversation(keys.get(s)).orElseThrow();
      List<Interaction> oldestFirst = new ArrayList<>(f.engine.interactions().ofConversation(c.id()));
      Collections.reverse(oldestFirst);
      List<String> inbound = new ArrayList<>();
      for (Interaction i : oldestFirst) {
        for (Message m : f.engine.interactions().messages(i.id())) {
          storedById.put(m.id(), m);
          if (m.direction() == Direction.IN) {
            inbound.add(m.channelMessageId().orElseThrow());
          }
        }
      }
      int sender = s;
      assertThat(inbound).as("sender %s: every message once, in the order sent", s)
          .containsExactlyElementsOf(IntStream.range(0, messagesPerSender)
              .mapToObj(n -> "s" + sender + "-" + n).toList());
    }
    for (Delivered d : delivered) {
      assertThat(storedById).containsKey(d.storedAs());
    }
    for (AgentMessage m : agentMessages) {
      assertThat(storedById.get(m.message().id())).as("agent message kept").isEqualTo(m.message());
    }
    // Each agent thread wrote sequentially, so its messages on one interaction keep its order.
    Map<List<Object>, List<MessageId>> byThreadAndInteraction = agentMessages.stream().collect(
        Collectors.groupingBy(m -> List.of(m.agent(), m.message().interaction()),
            Collectors.mapping(m -> m.message().id(), Collectors.toList())));
    byThreadAndInteraction.forEach((agentAndInteraction, ids) -> {
      Set<MessageId> theirs = new HashSet<>(ids);
      List<MessageId> storedOrder = f.engine.interactions()
          .messages((InteractionId) agentAndInteraction.get(1)).stream()
          .map(Message::id).filter(theirs::contains).toList();
      assertThat(storedOrder).as("messages of %s, in the order sent", agentAndInteraction)
          .containsExactlyElementsOf(ids);
    });
    for (InteractionId id : closedByUs) {
      assertThat(f.engine.interactions().get(id).isOpen()).as("%s was closed", id).isFalse();
    }
    AGENT_MESSAGES.addAndGet(agentMessages.size());
  }

  @AfterAll
  static void agentsGotSomeWorkDone() {
    // Over all repetitions, not in each: how much one run gets done depends on scheduling.
    assertThat(AGENT_MESSAGES.get()).as("agent messages stored over all repetitions").isPositive();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private record Delivered(AccountId account, InboundMessage message, MessageId storedAs) {}

  private record AgentMessage(AgentId agent, Message message) {}

  private interface Task {
    Callable<Void> of(int thread);
  }

  private static InboundMessage message(String channelId, SenderProfile sender, String text,
      boolean withFile) {
    Optional<InboundAttachment> file = withFile
        ? Optional.of(InboundAttachment.of(channelId + ".png", "image/png",
            ("png " + channelId).getBytes(StandardCharsets.UTF_8)))
        : Optional.empty();
    return new InboundMessage(channelId, sender, text, file, false,
        ConversationFixture.START, Optional.empty(), Optional.empty());
  }

  private void runTogether(int threads, Task task, CountDownLatch... gates) throws Exception {
    List<Callable<Void>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(task.of(t));
    }
    runAll(work, gates);
  }

  /** Starts every task, opens the gates, and rethrows the first failure. */
  private void runAll(List<Callable<Void>> work, CountDownLatch... gates) throws Exception {
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> w : work) {
      futures.add(pool.submit(w));
    }
    for (CountDownLatch gate : gates) {
      gate.countDown();
    }
    for (Future<Void> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
  }
}
