package io.openchannel;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.store.InMemoryBlobStore;
import io.openchannel.message.CannedAnswer;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.directory.InMemoryRecipientDirectory;
import io.openchannel.spi.directory.RecipientDirectory;
import io.openchannel.spi.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine with a Messenger account (Reply URL, auto-reply), a WhatsApp account without Reply
 * URL, two agents, dispositions and canned answers; time moves only when a test says so.
 */
final class EngineFixture {
  static final AccountId FB = AccountId.of("fb-shop");
  static final AccountId WA = AccountId.of("wa-noreply");
  static final AccountId SMS = AccountId.of("sms");
  static final AgentId ANN = AgentId.of("ann");
  static final AgentId BOB = AgentId.of("bob");
  static final String AUTO_REPLY = "Thanks for writing! An agent will be with you shortly.";

  final StepClock clock = new StepClock(Instant.parse("2026-11-24T09:00:00Z"));
  final Store store = Store.inMemory();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final InMemoryRecipientDirectory directory = RecipientDirectory.inMemory();
  final List<OpenChannelEvent> events = new CopyOnWriteArrayList<>();
  final OpenChannel oc;
  private final AtomicInteger mids = new AtomicInteger();

  EngineFixture() {
    this(OpenChannel.builder());
  }

  EngineFixture(OpenChannelBuilder builder) {
    oc = builder.store(store).blobStore(blobs).clock(clock).recipientDirectory(directory)
        .listener(events::add)
        .dispositions(Dispositions.of(
            Disposition.of("sales", "Sales"),
            Disposition.of("sales-won", "Order placed", "sales"),
            Disposition.of("support", "Support")))
        .cannedAnswers(
            CannedAnswer.of("hello", "Greeting", "Hello {{contact.first_name}}, I am {{agent.name}} from {{account.name}}."),
            CannedAnswer.of("email", "E-mail only", "{{contact.email}}"))
        .build();
    oc.accounts().create(Account.of(FB, ChannelType.FACEBOOK_MESSENGER, "Shop on Messenger",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply")
            .autoReply(AUTO_REPLY).mapKey("phone").build()));
    oc.accounts().create(Account.of(WA, ChannelType.WHATSAPP, "WhatsApp without reply URL",
        AccountSettings.defaults()));
    oc.accounts().create(Account.of(SMS, ChannelType.SMS, "SMS line",
        AccountSettings.builder().replyUrl("https://sms.example.com/send").mapKey("phone").build()));
    oc.agents().create(Agent.of(ANN, "Ann Agent").withAccounts(Set.of(FB, WA, SMS))
        .withPermissions(Set.of(Permission.OUTBOUND)));
    oc.agents().create(Agent.of(BOB, "Bob Agent"));
  }

  /** A new text message from {@code sender} with a fresh channel message id. */
  ReceiveResult customerWrites(AccountId account, String sender, String text) {
    return oc.receive(account, inbound(sender, text));
  }

  InboundMessage inbound(String sender, String text) {
    return InboundMessage.text("mid-" + mids.incrementAndGet(),
        SenderProfile.of(sender, "Mia", "Rossi"), text, clock.instant());
  }

  InboundMessage inboundFile(String sender, InboundAttachment file, boolean voice) {
    return InboundMessage.file("mid-" + mids.incrementAndGet(), SenderProfile.of(sender, "Mia", "Rossi"),
        file, voice, clock.instant());
  }

  /** A customer's message on the Messenger account, assigned to Ann. */
  InteractionId openAssignedToAnn() {
    InteractionId id = customerWrites(FB, "psid-mia", "Hi, my order is late").interaction().id();
    oc.assign(id, ANN);
    return id;
  }

  List<Message> messages(InteractionId id) {
    return oc.interactions().messages(id);
  }

  <T extends OpenChannelEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** A clock that stands still until {@link #advance}. */
  static final class StepClock extends Clock {
    private volatile Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
