package io.openchannel.adapters.jdbc;

import static io.openchannel.adapters.jdbc.ClusterFixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.MessageId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An engine in a second JVM process ({@link ClusterNodeMain}) and one in this JVM share a
 * PostgreSQL database: messages a third engine (without a connector, so it only stores them)
 * queues are sent by one of the two, each exactly once; with routing in the database, the other
 * JVM routes and this one's accept wins.
 */
@DatabaseServer(TestDatabase.Engine.POSTGRESQL)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SeparateJvmClusterTest {

  @Test
  void anEngineInAnotherJvmAndOneInThisOneSendEachQueuedMessageOnce() throws Exception {
    Clock clock = Clock.systemUTC();
    List<String> childLines = new CopyOnWriteArrayList<>();
    CountDownLatch childReady = new CountDownLatch(1);
    CountDownLatch childSentOne = new CountDownLatch(1);
    int later = 10;
    int repliesEach = 3;
    int total = 1 + later * repliesEach;
    CountDownLatch allSent = new CountDownLatch(total);
    CountingConnector platform = new CountingConnector();
    try (TestDatabase db = TestDatabase.fresh(TestDatabase.Engine.POSTGRESQL);
        ClusterFixture cluster = new ClusterFixture();
        OpenChannel writer = OpenChannel.builder().store(JdbcStore.builder(db.dataSource()).build())
            .blobStore(BlobStore.inMemory()).clock(clock).build()) {
      ClusterFixture.setUp(writer);
      InteractionId first = conversation(writer, clock, "first");
      writer.desk(ClusterFixture.ANN).sendText(first, "queued before anyone can send it");

      try (ChildJvm child = ChildJvm.start("other-jvm", line -> {
        childLines.add(line);
        if (line.equals("READY")) {
          childReady.countDown();
        } else if (line.startsWith("SENT ")) {
          childSentOne.countDown();
          allSent.countDown();
        }
      }, db.postgresUrl(), "other-jvm")) {
        assertThat(childReady.await(60, TimeUnit.SECONDS)).as("the other JVM started").isTrue();
        assertThat(childSentOne.await(60, TimeUnit.SECONDS))
            .as("the other JVM sent the first message").isTrue();

        cluster.engine("this-jvm", JdbcStore.builder(db.dataSource()).build(), clock,
            Duration.ofSeconds(60), Optional.of(platform), e -> {
              if (e instanceof DeliveryStatusChanged d && d.status() == DeliveryStatus.SENT) {
                allSent.countDown();
              }
            });
        for (int i = 0; i < later; i++) {
          InteractionId chat = conversation(writer, clock, "later-" + i);
          for (int r = 0; r < repliesEach; r++) {
            writer.desk(ClusterFixture.ANN).sendText(chat, "reply " + r);
          }
        }

        assertThat(allSent.await(60, TimeUnit.SECONDS)).as("all %d messages sent", total).isTrue();
        Map<MessageId, Integer> sends = new HashMap<>(platform.counts());
        childLines.stream().filter(l -> l.startsWith("SEND "))
            .map(l -> MessageId.of(l.substring(5)))
            .forEach(id -> sends.merge(id, 1, Integer::sum));
        assertThat(sends).hasSize(total);
        assertThat(sends.values()).as("sends per message, both JVMs together").containsOnly(1);
        System.out.printf("other JVM sent %d, this JVM %d%n",
            total - platform.counts().size(), platform.counts().size());
      }
    }
  }

  /**
   * The engine in the other JVM routes (it started first, so it holds the router lease); this
   * JVM's engine takes the customer's message and the agent's accept: the other JVM offers the
   * work, this one's accept wins in the database, and the other JVM hears it.
   */
  @Test
  void aRouterInAnotherJvmOffersTheWorkAndAnAcceptInThisOneWins() throws Exception {
    Clock clock = Clock.systemUTC();
    CountDownLatch childReady = new CountDownLatch(1);
    List<String> offers = new CopyOnWriteArrayList<>();
    CountDownLatch offered = new CountDownLatch(1);
    List<String> accepted = new CopyOnWriteArrayList<>();
    CountDownLatch childHeardAccept = new CountDownLatch(1);
    try (TestDatabase db = TestDatabase.fresh(TestDatabase.Engine.POSTGRESQL)) {
      JdbcStore.builder(db.dataSource()).build(); // the schema, before the other JVM migrates it
      try (ChildJvm child = ChildJvm.start("router-jvm", line -> {
        if (line.equals("READY")) {
          childReady.countDown();
        } else if (line.startsWith("OFFER ")) {
          offers.add(line.substring(6));
          offered.countDown();
        } else if (line.startsWith("ACCEPTED ")) {
          accepted.add(line.substring(9));
          childHeardAccept.countDown();
        }
      }, db.postgresUrl(), "router-jvm", "route")) {
        assertThat(childReady.await(60, TimeUnit.SECONDS)).as("the other JVM started").isTrue();
        JdbcRoutingLedger ledger = (JdbcRoutingLedger) JdbcStore.builder(db.dataSource())
            .clusterRouting(true).build().routingLedger().orElseThrow();
        assertThat(ledger.lease().node()).as("the other JVM routes").isEqualTo("router-jvm");

        try (OpenChannel here = OpenChannel.builder()
            .store(JdbcStore.builder(db.dataSource()).clusterRouting(true).build())
            .blobStore(BlobStore.inMemory()).clock(clock)
            .cluster(ClusterOptions.defaults().withNodeId("this-jvm")).build()) {
          here.agents().create(Agent.of(ClusterFixture.ANN, "Ann")
              .withCapacity(Map.of(ChannelType.TELEGRAM, 1)));
          here.routing().setPresence(ClusterFixture.ANN, Presence.AVAILABLE);
          QueueId q = QueueId.of("q");
          here.queues().create(Queue.of(q, "Support",
              List.of(QueueMember.of(ClusterFixture.ANN))));
          here.accounts().create(Account.of(ClusterFixture.TG,
              ChannelType.TELEGRAM, "Bot",
              AccountSettings.builder()
                  .replyUrl("https://api.example.org/bot").queue(q).build()));
          InteractionId x = here.receive(ClusterFixture.TG, io.openchannel.spi.channel.InboundMessage
              .text("in-1", SenderProfile.of("42"), "hello",
                  clock.instant())).interaction().id();

          assertThat(offered.await(60, TimeUnit.SECONDS)).as("the other JVM offered").isTrue();
          OfferId offer = OfferId.of(offers.get(0));
          assertThat(here.routing().accept(offer).owner()).hasValue(ClusterFixture.ANN);
          assertThat(childHeardAccept.await(60, TimeUnit.SECONDS))
              .as("the other JVM heard the accept").isTrue();
          assertThat(accepted).containsExactly(offer.value());
          assertThat(here.interactions().get(x).owner()).hasValue(ClusterFixture.ANN);
          assertThatThrownBy(() -> here.routing().accept(offer))
              .isInstanceOf(IllegalTransitionException.class);
        }
      }
    }
  }
}
