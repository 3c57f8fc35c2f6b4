package io.openchannel.adapters.jdbc;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Engines of one test sharing a database: each its own {@link OpenChannel} (its own node id,
 * scheduler thread and memory) on its own {@link JdbcStore} over the same tables, as separate JVMs
 * would be. Closes them all.
 */
final class ClusterFixture implements AutoCloseable {
  static final AccountId TG = AccountId.of("tg");
  static final AgentId ANN = AgentId.of("ann");
  /** Short enough that a test's engines find each other's leftovers at once. */
  static final Duration SWEEP = Duration.ofMillis(20);

  private final List<OpenChannel> engines = new ArrayList<>();

  /** Creates the account and agent every engine uses, through {@code first}. */
  static void setUp(OpenChannel first) {
    first.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot",
        AccountSettings.builder().replyUrl("https://api.example.org/bot").build()));
    first.agents().create(Agent.of(ANN, "Ann"));
  }

  /**
   * A new engine named {@code node} on {@code store}, sweeping every {@link #SWEEP}, with
   * {@code connector} if present (without one it stores messages and leaves them queued).
   */
  OpenChannel engine(String node, Store store, Clock clock, Duration lease,
      Optional<ChannelConnector> connector, EventListener... listeners) {
    var builder = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory()).clock(clock)
        .cluster(ClusterOptions.defaults().withNodeId(node).withOutboxLease(lease)
            .withOutboxSweep(SWEEP));
    connector.ifPresent(builder::connector);
    for (EventListener listener : listeners) {
      builder.listener(listener);
    }
    OpenChannel oc = builder.build();
    engines.add(oc);
    return oc;
  }

  /** A new conversation with customer {@code chat} on {@code oc}, assigned to Ann there. */
  static InteractionId conversation(OpenChannel oc, Clock clock, String chat) {
    InteractionId id = oc.receive(TG, InboundMessage.text("in-" + chat, SenderProfile.of(chat),
        "hello", clock.instant())).interaction().id();
    oc.assign(id, ANN);
    return id;
  }

  @Override
  public void close() {
    engines.forEach(OpenChannel::close);
  }
}
