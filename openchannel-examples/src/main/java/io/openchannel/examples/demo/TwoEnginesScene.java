package io.openchannel.examples.demo;

import io.openchannel.IllegalTransitionException;
import io.openchannel.OpenChannel;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.RoutingLedger;
import io.openchannel.spi.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Two engines on one database route together ({@code JdbcStore.builder(ds).clusterRouting(true)}):
 * one holds the router lease and decides; either takes customers' messages and agents' clicks,
 * and the database decides which click wins. Then the routing engine's process dies: its lease
 * lapses and the other engine takes over from what the database holds, nothing lost.
 *
 * <p>The scene has an H2 database of its own, in memory, whatever store the rest of the demo uses,
 * because a database several engines share is the point here. Each engine has its own
 * {@link DemoScheduler} on the demo's clock, so both engines' timers (event-log polls, lease
 * renewals) run in time order on the demo's thread and every run prints the same.
 */
final class TwoEnginesScene {
  private static final QueueId VIP = QueueId.of("vip");
  private static final AccountId VIP_LINE = AccountId.of("sunny-vip");
  private static final AgentId EVA = AgentId.of("eva");
  private static final AgentId FINN = AgentId.of("finn");
  private static final SenderProfile GUS = SenderProfile.of("15550176543", "Gus", "Ortega");
  private static final SenderProfile HANA = SenderProfile.of("15550198765", "Hana", "Sato");
  private static final Duration POLL = Duration.ofMillis(200);

  private final DemoClock clock;
  private final Platforms platforms;
  private final Narrator say;
  private final EventListener events;

  TwoEnginesScene(DemoClock clock, Platforms platforms, Narrator say, EventListener events) {
    this.clock = clock;
    this.platforms = platforms;
    this.say = say;
    this.events = events;
  }

  /** One engine of the pair and the timers it runs on. */
  private record Node(String name, OpenChannel oc, DemoScheduler scheduler) {}

  void run() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Two engines, one database", "JdbcStore.builder(ds).clusterRouting(true)");
    say.say("Two engines, north and south, share one database, as two servers behind a load"
        + " balancer would (here an H2 database in memory of its own; PostgreSQL or MariaDB in"
        + " production). One engine at a time routes: the one holding the router lease in the"
        + " database. Either takes customers' messages and agents' clicks; the database decides"
        + " which click wins. South's listener prints every event, north's too, as the event log"
        + " brings them.");
    String url = "jdbc:h2:mem:openchannel-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    Store northStore = JdbcStore.builder(pool).clusterRouting(true).build();
    Store southStore = JdbcStore.builder(pool).clusterRouting(true).build();
    Node north = start("north", northStore, event -> { });
    Node south = start("south", southStore, events);
    try {
      clock.settle(); // north asks for the lease first, and gets it
      RoutingLedger ledger = southStore.routingLedger().orElseThrow();
      say.field("router", ledger.lease().node() + " (lease 15 s, renewed every 5 s)");
      setUp(north.oc());
      InteractionId gus = raceForGus(north, south);
      crash(north, south, ledger, gus);
    } finally {
      close(north);
      close(south);
      shutDown(pool);
    }
  }

  private Node start(String name, Store store, EventListener listener) {
    DemoScheduler scheduler = new DemoScheduler(clock);
    OpenChannel oc = OpenChannel.builder()
        .store(store)
        .clock(clock)
        .scheduler(scheduler)
        .connector(platforms.whatsApp())
        .blobStore(BlobStore.inMemory())
        .cluster(ClusterOptions.defaults().withNodeId(name).withEventPoll(POLL))
        .listener(listener)
        .build();
    return new Node(name, oc, scheduler);
  }

  private void setUp(OpenChannel oc) {
    oc.agents().create(ContactCenter.router(EVA, "Eva Lind"));
    oc.agents().create(ContactCenter.router(FINN, "Finn Moss"));
    oc.queues().create(Queue.of(VIP, "VIP", List.of(QueueMember.of(EVA), QueueMember.of(FINN)))
        .withStrategy(RoutingStrategy.RING_ALL));
    oc.accounts().create(ContactCenter.whatsAppLine(VIP_LINE, "Sunny Shoes VIP", VIP));
    say.field("queue", Setup.sub(VIP.value(), "RING_ALL: eva and finn, made on north"));
    say.field("account", Setup.sub(VIP_LINE.value(), "WhatsApp, to queue vip"));
    clock.advance(POLL); // south hears the set-up
  }

  /** Gus writes through south; north routes; Eva's click on south and Finn's on north race. */
  private InteractionId raceForGus(Node north, Node south) {
    say.blank();
    String text = "Is the limited edition still in stock?";
    say.action(now() + "  Gus Ortega writes on WhatsApp; the webhook reaches south: "
        + Narrator.quote(text, 40));
    InteractionId gus = south.oc().receive(VIP_LINE,
        InboundMessage.text("wamid.gus-0001", GUS, text, clock.instant())).interaction().id();
    clock.advance(POLL.multipliedBy(2)); // north hears it and offers; south hears the offers

    Offer evas = only(south.oc().desk(EVA).pendingOffers());
    Offer finns = only(north.oc().desk(FINN).pendingOffers());
    clock.advance(Duration.ofSeconds(4));
    say.action(now() + "  Eva clicks Accept; her desktop talks to south:");
    south.oc().desk(EVA).accept(evas.id());
    say.action(now() + "  At the same moment Finn clicks Accept; his desktop talks to north,"
        + " which has not heard of Eva's accept yet:");
    try {
      north.oc().desk(FINN).accept(finns.id());
      throw new IllegalStateException("two accepts of one ring-all offer both won");
    } catch (IllegalTransitionException e) {
      say.refused(e.getClass().getSimpleName(), e.getMessage().replace(finns.id().toString(),
          "<id>"));
    }
    AgentId owner = north.oc().interactions().get(gus).owner().orElseThrow();
    say.say("The database took Eva's accept first, so Finn's found the offer no longer pending:"
        + " one winner, whichever engine each click reached. North reads the owner from the"
        + " database: " + north.oc().agents().get(owner).name() + ".");
    clock.advance(POLL.multipliedBy(2));
    return gus;
  }

  /** North's process dies; Hana writes through south; south takes the lease and routes her. */
  private void crash(Node north, Node south, RoutingLedger ledger, InteractionId gus) {
    say.blank();
    say.action(now() + "  North's process is killed: its timers stop and it never renews"
        + " the router lease.");
    north.scheduler().halt();
    String text = "Hello? I have a question about my VIP order.";
    say.action(now() + "  Hana Sato writes; the webhook reaches south: " + Narrator.quote(text,
        40));
    InteractionId hana = south.oc().receive(VIP_LINE,
        InboundMessage.text("wamid.hana-0001", HANA, text, clock.instant())).interaction().id();
    clock.advance(Duration.ofSeconds(1));
    say.say("Nobody routes for now: Hana's interaction is stored, open and unassigned (routing"
        + " state " + south.oc().routing().state(hana).map(Object::toString).orElse("none yet")
        + "), and the engine that takes over will find it there.");
    say.action(now() + "  Twenty seconds pass; north's lease lapses 15 s after its last renewal,"
        + " and south's next lease check takes it:");
    clock.advance(Duration.ofSeconds(20));
    say.field("router", ledger.lease().node() + " (took the lapsed lease and loaded the"
        + " routing state from the database)");
    Optional<AgentId> evaStill = south.oc().interactions().get(gus).owner();
    boolean offered = !south.oc().desk(FINN).pendingOffers().isEmpty()
        || !south.oc().desk(EVA).pendingOffers().isEmpty();
    if (!offered || !evaStill.equals(Optional.of(EVA))) {
      throw new IllegalStateException("the surviving engine did not take over routing");
    }
    say.say("South offered Hana's interaction (" + south.oc().routing().state(hana)
        .map(Object::toString).orElse("?") + "); Gus's stays Eva's. Nothing was lost.");
  }

  private static Offer only(List<Offer> offers) {
    if (offers.size() != 1) {
      throw new IllegalStateException("expected one pending offer, found " + offers);
    }
    return offers.get(0);
  }

  private void close(Node node) {
    try {
      node.oc().close();
    } catch (RuntimeException e) {
      say.say("closing " + node.name() + " failed: " + e.getMessage());
    }
  }

  private static void shutDown(JdbcConnectionPool pool) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // the database lives in memory and goes with the process anyway
    }
    pool.dispose();
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
