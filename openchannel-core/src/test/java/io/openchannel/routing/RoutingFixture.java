package io.openchannel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.engine.Engine;
import io.openchannel.internal.store.InMemoryBlobStore;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine with a Messenger account and a WhatsApp account (transfer allowed) whose new
 * interactions go to queue {@code sales}; time moves only when a test says so.
 */
final class RoutingFixture {
  static final AccountId FB = AccountId.of("fb");
  static final AccountId WA = AccountId.of("wa");
  static final QueueId SALES = QueueId.of("sales");

  final TestScheduler time = new TestScheduler(Instant.parse("2026-11-24T09:00:00Z"));
  final List<OpenChannelEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
  final OpenChannel oc;
  private final AtomicInteger mids = new AtomicInteger();

  RoutingFixture() {
    this(RoutingOptions.defaults().withRandomSeed(42));
  }

  RoutingFixture(RoutingOptions options) {
    oc = OpenChannel.builder().clock(time).scheduler(time).blobStore(new InMemoryBlobStore())
        .routing(options).listener(events::add).build();
  }

  /** Creates available agents with capacity {@code capacity} on Messenger and WhatsApp, allowed to transfer. */
  List<AgentId> agents(int capacity, String... names) {
    List<AgentId> ids = new ArrayList<>();
    for (String name : names) {
      AgentId id = AgentId.of(name);
      oc.agents().create(Agent.of(id, name).withPresence(Presence.AVAILABLE)
          .withCapacity(Map.of(ChannelType.FACEBOOK_MESSENGER, capacity, ChannelType.WHATSAPP, capacity))
          .withPermissions(Set.of(Permission.TRANSFER)));
      ids.add(id);
    }
    return ids;
  }

  /** Creates queue {@code id} with these members in order, then the accounts pointing at sales. */
  Queue queue(QueueId id, RoutingStrategy strategy, List<AgentId> members) {
    Queue q = oc.queues().create(Queue.of(id, id.value(), members.stream().map(QueueMember::of).toList())
        .withStrategy(strategy));
    if (id.equals(SALES)) {
      accounts();
    }
    return q;
  }

  void accounts() {
    oc.accounts().create(Account.of(FB, ChannelType.FACEBOOK_MESSENGER, "Shop", AccountSettings.builder()
        .replyUrl("https://connector.example.com/reply").transferAllowed(true).queue(SALES).build()));
    oc.accounts().create(Account.of(WA, ChannelType.WHATSAPP, "WhatsApp", AccountSettings.builder()
        .replyUrl("https://connector.example.com/reply").transferAllowed(true).queue(SALES).build()));
  }

  /** A customer opens a new interaction on Messenger. */
  InteractionId customerWrites(String sender) {
    return customerWrites(FB, sender, "Hello, I need help with order " + sender);
  }

  InteractionId customerWrites(AccountId account, String sender, String text) {
    return oc.receive(account, InboundMessage.text("mid-" + mids.incrementAndGet(),
        SenderProfile.of(sender, "Mia", sender), text, time.instant())).interaction().id();
  }

  List<Offer> offers(AgentId agent) {
    return oc.routing().pendingOffers(agent);
  }

  /** The agent's only pending offer. */
  Offer onlyOffer(AgentId agent) {
    List<Offer> offers = offers(agent);
    assertThat(offers).as("pending offers of " + agent).hasSize(1);
    return offers.get(0);
  }

  <T extends OpenChannelEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  RoutingState state(InteractionId id) {
    return oc.routing().state(id).orElseThrow();
  }

  /** White-box check of the router's indexes and counters. */
  void assertConsistent() {
    assertThat(((Engine) oc).routingViolations()).isEmpty();
  }

  static List<AgentId> ids(AgentId... ids) {
    return Arrays.asList(ids);
  }
}
