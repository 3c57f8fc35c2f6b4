package io.openchannel.delivery;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.ScriptedConnector;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import io.openchannel.tck.DeterministicScheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine on a scripted Telegram-like platform; time and timers move only when told. */
final class DeliveryFixture {
  static final AccountId TG = AccountId.of("tg");
  static final AgentId ANN = AgentId.of("ann");

  final DeterministicScheduler scheduler = new DeterministicScheduler();
  final ScriptedConnector platform = new ScriptedConnector(ChannelType.TELEGRAM, "s3cret");
  final Store store;
  final BlobStore blobs;
  final List<OpenChannelEvent> events = new CopyOnWriteArrayList<>();
  final OpenChannel oc;
  private final AtomicInteger mids = new AtomicInteger();

  DeliveryFixture() {
    this(Store.inMemory(), BlobStore.inMemory(), true);
  }

  /** An engine on an existing store (a restart), with or without creating the account and agent. */
  DeliveryFixture(Store store, BlobStore blobs, boolean setUp) {
    this.store = store;
    this.blobs = blobs;
    oc = OpenChannel.builder().store(store).blobStore(blobs).clock(scheduler.clock())
        .scheduler(scheduler).connector(platform).listener(events::add).build();
    if (setUp) {
      oc.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot",
          AccountSettings.builder().replyUrl("https://api.example.org/bot").build()));
      oc.agents().create(Agent.of(ANN, "Ann"));
    }
  }

  /** An interaction with customer {@code chat} assigned to Ann. */
  InteractionId conversationWith(String chat) {
    InteractionId id = oc.receive(TG, InboundMessage.text("in-" + mids.incrementAndGet(),
        SenderProfile.of(chat), "hello", scheduler.clock().instant())).interaction().id();
    oc.assign(id, ANN);
    return id;
  }

  AgentDesk ann() {
    return oc.desk(ANN);
  }

  Message message(MessageId id) {
    return store.read(tx -> tx.messages().find(id)).orElseThrow();
  }

  DeliveryStatus status(MessageId id) {
    return message(id).deliveryStatus().orElseThrow();
  }
}
