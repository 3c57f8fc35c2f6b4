package io.openchannel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.IllegalTransitionException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * Eight real threads race through 10,000 customers and 50 agents: inbound, accepts (ring-all
 * makes several agents accept the same interaction at once), rejects, presence and capacity
 * changes, closes. Afterwards nothing is lost, nothing is owned twice, no agent is over capacity
 * and the router's indexes agree with a recount. No sleeps, no timing assertions.
 */
class RoutingStressTest {
  private static final int THREADS = 8;
  private static final int CUSTOMERS = 10_000;
  private static final int AGENTS = 50;
  private static final int MAX_CAPACITY = 3;
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final AccountId TG = AccountId.of("tg");

  private final RoutingFixture f = new RoutingFixture();
  private final List<AgentId> agents = new ArrayList<>();
  private final ConcurrentLinkedQueue<InteractionId> created = new ConcurrentLinkedQueue<>();
  private final AtomicReferenceArray<InteractionId> slots = new AtomicReferenceArray<>(CUSTOMERS);
  private final AtomicInteger customers = new AtomicInteger();
  private final AtomicInteger accepts = new AtomicInteger();
  private final AtomicInteger lostRaces = new AtomicInteger();

  @Test
  void concurrentRoutingLosesNothingAndNeverDoubleAssigns() throws Exception {
    String[] names = new String[AGENTS];
    for (int i = 0; i < AGENTS; i++) {
      names[i] = "agent" + i;
    }
    agents.addAll(f.agents(2, names));
    f.queue(RoutingFixture.SALES, RoutingStrategy.RING_ALL, agents.subList(0, 30));
    f.oc.queues().create(Queue.of(SUPPORT, "support", agents.subList(20, 50).stream()
        .map(QueueMember::of).toList()).withStrategy(RoutingStrategy.LEAST_RECENT));
    f.oc.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Telegram",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").queue(SUPPORT).build()));
    for (AgentId a : agents.subList(20, 50)) {
      f.oc.routing().setCapacity(a, ChannelType.TELEGRAM, 2);
    }

    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 1000 + t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          run(new SplittableRandom(seed));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }

    assertThat(errors).isEmpty();
    assertThat(created).hasSize(CUSTOMERS);
    assertThat(lostRaces.get()).as("ring-all accept races actually happened").isPositive();
    checkEnd();
  }

  private void run(SplittableRandom random) {
    while (customers.get() < CUSTOMERS || random.nextInt(10) > 0) {
      int r = random.nextInt(100);
      AgentId agent = agents.get(random.nextInt(AGENTS));
      try {
        if (r < 30) {
          int n = customers.incrementAndGet();
          if (n <= CUSTOMERS) {
            AccountId account = n % 3 == 0 ? TG : n % 3 == 1 ? RoutingFixture.FB : RoutingFixture.WA;
            InteractionId id = f.customerWrites(account, "c" + n, "hello " + n);
            created.add(id);
            slots.set(n - 1, id);
          }
        } else if (r < 60) {
          answer(agent, random, true);
        } else if (r < 70) {
          answer(agent, random, false);
        } else if (r < 78) {
          Presence p = random.nextInt(4) == 0 ? Presence.PAUSED
              : random.nextInt(8) == 0 ? Presence.OFFLINE : Presence.AVAILABLE;
          f.oc.routing().setPresence(agent, p);
        } else if (r < 82) {
          f.oc.routing().setCapacity(agent, ChannelType.FACEBOOK_MESSENGER, 1 + random.nextInt(MAX_CAPACITY));
        } else {
          closeSome(random);
        }
      } catch (IllegalTransitionException | io.openchannel.PermissionDeniedException raced) {
        lostRaces.incrementAndGet(); // someone else answered, closed or took it first
      }
    }
  }

  private void answer(AgentId agent, SplittableRandom random, boolean accept) {
    List<Offer> offers = f.oc.routing().pendingOffers(agent);
    if (offers.isEmpty()) {
      return;
    }
    Offer o = offers.get(random.nextInt(offers.size()));
    if (accept) {
      f.oc.desk(agent).accept(o.id());
      accepts.incrementAndGet();
    } else {
      f.oc.desk(agent).reject(o.id());
    }
  }

  private void closeSome(SplittableRandom random) {
    InteractionId id = slots.get(random.nextInt(Math.min(CUSTOMERS, customers.get() + 1)));
    if (id == null) {
      return;
    }
    Interaction i = f.oc.interactions().get(id);
    if (!i.isOpen()) {
      return;
    }
    Optional<AgentId> owner = i.owner();
    if (owner.isPresent()) {
      f.oc.desk(owner.get()).close(id);
    } else if (random.nextInt(4) == 0) {
      f.oc.close(id); // the host closes unanswered work now and then
    }
  }

  private void checkEnd() {
    f.assertConsistent();
    Map<InteractionId, Integer> waiting = new HashMap<>();
    for (QueueId q : List.of(RoutingFixture.SALES, SUPPORT)) {
      f.oc.routing().waiting(q).forEach(id -> waiting.merge(id, 1, Integer::sum));
    }
    Set<InteractionId> offered = new HashSet<>();
    for (AgentId a : agents) {
      for (Offer o : f.oc.routing().pendingOffers(a)) {
        offered.add(o.interaction());
      }
    }
    Map<AgentId, Integer> assignedFb = new HashMap<>();
    for (InteractionId id : created) {
      Interaction i = f.oc.interactions().get(id);
      RoutingState state = f.oc.routing().state(id).orElseThrow();
      int places = (i.isOpen() && i.owner().isPresent() ? 1 : 0) + waiting.getOrDefault(id, 0)
          + (offered.contains(id) ? 1 : 0);
      assertThat(places).as(id + " is in exactly one place (or none once closed), state " + state)
          .isEqualTo(i.isOpen() ? 1 : 0);
      if (i.isOpen() && i.owner().isPresent() && i.account().equals(RoutingFixture.FB)) {
        assignedFb.merge(i.owner().get(), 1, Integer::sum);
      }
    }
    for (AgentId a : agents) {
      assertThat(assignedFb.getOrDefault(a, 0)).as(a + " within the largest capacity ever set")
          .isLessThanOrEqualTo(MAX_CAPACITY);
    }
    checkEvents();
  }

  /**
   * Every offer ends at most once, after it was created; one accept per interaction; after an
   * interaction's close only the rescinds of its own offers.
   */
  private void checkEvents() {
    List<OpenChannelEvent> events = new ArrayList<>(f.events);
    Set<OfferId> createdOffers = new HashSet<>();
    Set<OfferId> endedOffers = new HashSet<>();
    Set<InteractionId> acceptedOnce = new HashSet<>();
    Set<InteractionId> closed = new HashSet<>();
    int acceptedEvents = 0;
    for (OpenChannelEvent e : events) {
      boolean closeRescind = e instanceof OfferRescinded r
          && r.reason() == RescindReason.INTERACTION_CLOSED; // told in the close's own commit
      if (!closeRescind) {
        e.interactionId().ifPresent(id -> assertThat(closed).as("event after close: " + e).doesNotContain(id));
      }
      if (e instanceof OfferCreated o) {
        assertThat(createdOffers.add(o.offer())).isTrue();
      } else if (e instanceof OfferAccepted a) {
        acceptedEvents++;
        assertThat(acceptedOnce.add(a.interaction())).as("accepted twice: " + a.interaction()).isTrue();
        end(createdOffers, endedOffers, a.offer());
      } else if (e instanceof OfferRejected r) {
        end(createdOffers, endedOffers, r.offer());
      } else if (e instanceof OfferTimedOut t) {
        end(createdOffers, endedOffers, t.offer());
      } else if (e instanceof OfferRescinded r) {
        end(createdOffers, endedOffers, r.offer());
      } else if (e instanceof InteractionClosed c) {
        closed.add(c.interaction());
      }
    }
    assertThat(acceptedEvents).isEqualTo(accepts.get());
  }

  private static void end(Set<OfferId> created, Set<OfferId> ended, OfferId offer) {
    assertThat(created).as("ended before created: " + offer).contains(offer);
    assertThat(ended.add(offer)).as("ended twice: " + offer).isTrue();
  }

}
