package io.openchannel;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactFields;
import io.openchannel.event.EventListener;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.Dispositions;
import io.openchannel.internal.store.InMemoryBlobStore;
import io.openchannel.internal.store.InMemoryStore;
import io.openchannel.message.CannedAnswer;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory engine with two accounts, two agents, canned answers and dispositions, whose
 * events are recorded; shared by the lifecycle property and the concurrency tests.
 *
 * <ul>
 *   <li>{@link #AUTO}: Messenger, sends an auto-reply, no map key;
 *   <li>{@link #MAPPED}: generic channel, no auto-reply, map key {@code phone}, so its senders
 *       join the contact that already has their phone number, whichever account it came from.
 * </ul>
 */
final class ConversationFixture {
  static final AccountId AUTO = AccountId.of("fb-shop");
  static final AccountId MAPPED = AccountId.of("web-desk");
  static final String AUTO_REPLY = "Thanks for writing! An agent will be with you shortly 🙂";
  static final AgentId ANN = AgentId.of("ann");
  static final AgentId BOB = AgentId.of("bob");
  static final Map<AgentId, String> AGENT_NAMES = Map.of(ANN, "Ann Lee", BOB, "Bob Ray");
  static final Map<AccountId, String> ACCOUNT_NAMES = Map.of(AUTO, "Shop ✨", MAPPED, "Support desk");
  static final CannedAnswer GREET =
      CannedAnswer.of("greet", "Greeting", "Hello {{contact.name}}, this is {{agent.name}} from {{account.name}} 👋");
  static final CannedAnswer FIRST_NAME = CannedAnswer.of("first", "First name only", "{{contact.first_name}}");
  static final Disposition RESOLVED = Disposition.of("resolved", "Resolved");
  static final Disposition SPAM = Disposition.of("spam", "Spam");
  static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

  final InMemoryStore store = new InMemoryStore();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final RecordingListener events;
  /** A second listener: every listener must see the same events in the same order. */
  final RecordingListener secondListener = new RecordingListener(false);
  final SteppingClock clock = new SteppingClock(START);
  final OpenChannel engine;

  ConversationFixture() {
    this(false);
  }

  /**
   * @param yieldingListener whether the listener yields its thread before recording each event,
   *     which widens the window in which a publisher that lets two threads deliver at once would
   *     record events out of order
   */
  ConversationFixture(boolean yieldingListener) {
    events = new RecordingListener(yieldingListener);
    engine = OpenChannel.builder()
        .store(store)
        .blobStore(blobs)
        .clock(clock)
        .listener(events)
        .listener(secondListener)
        .cannedAnswers(GREET, FIRST_NAME)
        .dispositions(Dispositions.of(RESOLVED, SPAM))
        .build();
    engine.accounts().create(Account.of(AUTO, ChannelType.FACEBOOK_MESSENGER, ACCOUNT_NAMES.get(AUTO),
        AccountSettings.builder().replyUrl("https://connector.example/fb").autoReply(AUTO_REPLY).build()));
    engine.accounts().create(Account.of(MAPPED, ChannelType.GENERIC, ACCOUNT_NAMES.get(MAPPED),
        AccountSettings.builder().replyUrl("https://connector.example/web").mapKey(ContactFields.PHONE)
            .build()));
    engine.agents().create(Agent.of(ANN, AGENT_NAMES.get(ANN)));
    engine.agents().create(Agent.of(BOB, AGENT_NAMES.get(BOB)));
  }

  /** Every event the listener saw, in delivery order; thread-safe. */
  static final class RecordingListener implements EventListener {
    private final List<OpenChannelEvent> seen = new ArrayList<>();
    private final boolean yielding;

    RecordingListener(boolean yielding) {
      this.yielding = yielding;
    }

    @Override
    public void onEvent(OpenChannelEvent event) {
      if (yielding) {
        Thread.yield();
      }
      synchronized (this) {
        seen.add(event);
      }
    }

    synchronized List<OpenChannelEvent> all() {
      return List.copyOf(seen);
    }

    synchronized int count() {
      return seen.size();
    }

    synchronized List<OpenChannelEvent> since(int index) {
      return List.copyOf(seen.subList(index, seen.size()));
    }
  }

  /** A clock that stands still until told to move; thread-safe. */
  static final class SteppingClock extends Clock {
    private final AtomicReference<Instant> now;

    SteppingClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    Instant advance(Duration by) {
      return now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("tests use UTC");
    }
  }
}
