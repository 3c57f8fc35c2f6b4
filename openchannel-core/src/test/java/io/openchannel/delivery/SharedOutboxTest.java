package io.openchannel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.ScriptedConnector;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import io.openchannel.tck.DeterministicScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one store (one in-memory store shared, as two JVMs share a database), on one
 * manual clock: the retry of a transient failure is a timer kept in the store, so it fires once
 * between them, and a message is sent by one engine only.
 */
class SharedOutboxTest {
  private static final AccountId TG = AccountId.of("tg");
  private static final AgentId ANN = AgentId.of("ann");

  private final DeterministicScheduler scheduler = new DeterministicScheduler();
  private final Store store = Store.inMemory();
  private final ScriptedConnector platformA = new ScriptedConnector(ChannelType.TELEGRAM, "s3cret");
  private final ScriptedConnector platformB = new ScriptedConnector(ChannelType.TELEGRAM, "s3cret");
  private final OpenChannel a = engine("a", platformA);
  private final OpenChannel b = engine("b", platformB);

  private OpenChannel engine(String node, ScriptedConnector platform) {
    return OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .clock(scheduler.clock()).scheduler(scheduler).connector(platform)
        .cluster(ClusterOptions.defaults().withNodeId(node).withOutboxSweep(Duration.ofSeconds(1)))
        .build();
  }

  private InteractionId conversation() {
    a.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot",
        AccountSettings.builder().replyUrl("https://api.example.org/bot").build()));
    a.agents().create(Agent.of(ANN, "Ann"));
    InteractionId id = a.receive(TG, InboundMessage.text("in-1", SenderProfile.of("42"), "hi",
        scheduler.clock().instant())).interaction().id();
    a.assign(id, ANN);
    return id;
  }

  private DeliveryStatus status(Message m) {
    return store.read(tx -> tx.messages().find(m.id())).orElseThrow().deliveryStatus().orElseThrow();
  }

  @Test
  void aRetryAfterATransientFailureFiresOnceBetweenTheEngines() {
    InteractionId chat = conversation();
    platformA.willFailTransiently("429 Too Many Requests", Duration.ofSeconds(30));
    platformB.willFailTransiently("429 Too Many Requests", Duration.ofSeconds(30));
    Message reply = a.desk(ANN).sendText(chat, "hello");
    scheduler.runDue();

    scheduler.advance(Duration.ofSeconds(29));
    assertThat(status(reply)).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(platformA.sent()).isEmpty();
    assertThat(platformB.sent()).as("B's sweeps wait for the retry time too").isEmpty();
    scheduler.advance(Duration.ofSeconds(2));

    assertThat(status(reply)).isEqualTo(DeliveryStatus.SENT);
    assertThat(platformA.sent().size() + platformB.sent().size())
        .as("sent once, by whichever engine took the due retry").isEqualTo(1);
  }

  @Test
  void aMessageIsSentByOneEngineWhileBothSweep() {
    InteractionId chat = conversation();
    Message first = b.desk(ANN).sendText(chat, "one");
    Message second = a.desk(ANN).sendText(chat, "two");

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(status(first)).isEqualTo(DeliveryStatus.SENT);
    assertThat(status(second)).isEqualTo(DeliveryStatus.SENT);
    assertThat(platformA.sent().size() + platformB.sent().size()).isEqualTo(2);
  }
}
