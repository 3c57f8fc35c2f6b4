package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactFields;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Dispositions;
import io.openchannel.message.CannedAnswer;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import java.util.List;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.util.Map;
import java.util.Set;

/**
 * The demo's contact center, "Sunny Shoes": what an administrator would configure. Everything is
 * plain public API; swap the values for your own.
 */
final class ContactCenter {
  static final AccountId MESSENGER = AccountId.of("sunny-messenger");
  static final AccountId SMS = AccountId.of("sunny-sms");
  static final AccountId WHATSAPP = AccountId.of("sunny-whatsapp");
  static final AgentId ANN = AgentId.of("ann");
  static final AccountId ORDERS_LINE = AccountId.of("sunny-orders");
  static final AccountId RETURNS_LINE = AccountId.of("sunny-returns");
  static final QueueId ORDERS = QueueId.of("orders");
  static final QueueId RETURNS = QueueId.of("returns");
  static final AgentId BEN = AgentId.of("ben");
  static final AgentId CLEO = AgentId.of("cleo");
  static final AgentId DAN = AgentId.of("dan");
  static final CannedAnswerId WELCOME = CannedAnswerId.of("welcome");
  static final CannedAnswerId SHIPPING = CannedAnswerId.of("shipping");
  static final DispositionId ORDER_PLACED = DispositionId.of("sales-order-placed");

  private ContactCenter() {}

  /**
   * The engine: keeping its state in {@code store}, on the demo's clock and scheduler, sending
   * through the scripted platforms, telling {@code listener} every event.
   */
  static OpenChannel open(Store store, DemoClock clock, Platforms platforms,
      Dispositions dispositions, EventListener listener) {
    return OpenChannel.builder()
        .store(store)
        .clock(clock)
        .scheduler(new DemoScheduler(clock))
        .connector(platforms.messenger())
        .connector(platforms.whatsApp())
        .blobStore(BlobStore.inMemory())
        .dispositions(dispositions)
        .cannedAnswers(cannedAnswers())
        .listener(listener)
        .build();
  }

  /** "Close &amp; Dispose" choices, two levels deep. */
  static Dispositions dispositions() {
    return Dispositions.of(
        Disposition.of("sales", "Sales"),
        Disposition.of(ORDER_PLACED.value(), "Order placed", "sales"),
        Disposition.of("sales-browsing", "Just browsing", "sales"),
        Disposition.of("support", "Support"),
        Disposition.of("support-resolved", "Resolved", "support"),
        Disposition.of("support-escalated", "Escalated", "support"));
  }

  static CannedAnswer[] cannedAnswers() {
    return new CannedAnswer[] {
      new CannedAnswer(WELCOME, "Welcome",
          "Hi {{contact.first_name}}, this is {{agent.name}}. Let me check for you!"),
      new CannedAnswer(SHIPPING, "Shipping times",
          "Orders placed before 5 pm ship the same day, {{contact.first_name}} 🚚")
    };
  }

  /** Facebook Messenger with a Reply URL, an auto-reply and a map key: agents can answer here. */
  static Account messenger() {
    return Account.of(MESSENGER, ChannelType.FACEBOOK_MESSENGER, "Sunny Shoes",
        AccountSettings.builder()
            .replyUrl("https://connector.sunnyshoes.example/messenger/reply")
            .autoReply("Thanks for writing! An agent will answer in a few minutes.")
            .mapKey(ContactFields.FACEBOOK)
            .build());
  }

  /** An SMS number without a Reply URL: customers can write, agents cannot answer (S25). */
  static Account smsWithoutReplyUrl() {
    return Account.of(SMS, ChannelType.SMS, "Sunny Shoes SMS alerts",
        AccountSettings.builder().mapKey(ContactFields.PHONE).build());
  }

  /** WhatsApp Business with a Reply URL and no auto-reply. */
  static Account whatsApp() {
    return Account.of(WHATSAPP, ChannelType.WHATSAPP, "Sunny Shoes",
        AccountSettings.builder()
            .replyUrl("https://connector.sunnyshoes.example/whatsapp/reply")
            .mapKey(ContactFields.WHATSAPP)
            .build());
  }

  /** Ann, available, three chats at a time on each channel, allowed on every account. */
  static Agent ann() {
    return Agent.of(ANN, "Ann Baker")
        .withPresence(Presence.AVAILABLE)
        .withCapacity(Map.of(ChannelType.FACEBOOK_MESSENGER, 3, ChannelType.WHATSAPP, 3,
            ChannelType.SMS, 3))
        .withAccounts(Set.of(MESSENGER, WHATSAPP, SMS));
  }

  /**
   * A routing agent: available, two WhatsApp interactions at a time. Without presence
   * {@code AVAILABLE} and free capacity on the channel, routing offers an agent nothing.
   */
  static Agent router(AgentId id, String name) {
    return Agent.of(id, name)
        .withPresence(Presence.AVAILABLE)
        .withCapacity(Map.of(ChannelType.WHATSAPP, 2));
  }

  /** A queue of Ben, Cleo and Dan, in that order, with the default 30-second offer timeout. */
  static Queue queue(QueueId id, String name, RoutingStrategy strategy) {
    return Queue.of(id, name, List.of(QueueMember.of(BEN), QueueMember.of(CLEO),
        QueueMember.of(DAN))).withStrategy(strategy);
  }

  /** A WhatsApp number whose new interactions go to {@code queue}, to be offered to its agents. */
  static Account whatsAppLine(AccountId id, String name, QueueId queue) {
    return Account.of(id, ChannelType.WHATSAPP, name,
        AccountSettings.builder()
            .replyUrl("https://connector.sunnyshoes.example/whatsapp/reply")
            .mapKey(ContactFields.WHATSAPP)
            .queue(queue)
            .build());
  }
}
