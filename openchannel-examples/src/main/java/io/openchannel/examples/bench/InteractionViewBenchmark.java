package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interactions view over 1,000,000 interactions in memory: one first page (50 rows, with
 * contact, account and conversation joined, and the total count) through
 * {@code oc.interactions().query}. The data: 20 accounts, 200 agents, 100,000 conversations of
 * 10 interactions each over a year (the newest of each open, 9 closed), a quarter read, one in
 * ten tagged, each with one customer message drawn from a small vocabulary ("parcel" in about
 * one in 25). The store is filled once per fork through the store SPI, then wrapped in an engine.
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main InteractionViewBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class InteractionViewBenchmark {
  static final int INTERACTIONS = 1_000_000;
  static final int PER_CONVERSATION = 10;
  static final int ACCOUNTS = 20;
  static final int AGENTS = 200;
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final String[] PHRASES = {"Where is my order?", "Can I change my address",
      "The app crashes on login", "I want a refund please", "Hola, ¿dónde está mi pedido?",
      "Привет, где мой заказ?", "我的包裹在哪里", "Thanks, that solved it 👍",
      "My parcel 📦 has not arrived", "Invoice number 4711 is wrong", "Can you call me back?",
      "Is the shop open on Sunday", "Le colis est arrivé abîmé", "Password reset does not work",
      "I need to update my card", "Delivery was late again", "Where do I send the return",
      "Do you ship to Norway?", "Change of plans, cancel it", "The size is too small",
      "Bitte um Rückruf", "Quero falar com um atendente", "Order 9321 missing one item",
      "parcel tracking says delivered", "Great service, thank you"};

  /** Which view: filters a supervisor would pick. */
  @Param({"all", "open-unread-on-account", "closed-by-agent-tagged", "started-last-week",
      "search-parcel", "search-and-filter"})
  public String view;

  private OpenChannel oc;
  private InteractionQuery query;

  @Setup(Level.Trial)
  public void fill() {
    Store store = Store.inMemory();
    fill(store, 200);
    oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).build();
    query = query(view);
  }

  /**
   * Fills {@code store} with the benchmark's data, {@code batch} conversations per transaction
   * (also used by {@link JdbcInteractionViewBenchmark}).
   */
  static void fill(Store store, int batch) {
    SplittableRandom random = new SplittableRandom(7);
    store.inTransaction(tx -> {
      for (int a = 0; a < ACCOUNTS; a++) {
        tx.accounts().insert(Account.of(account(a), ChannelType.FACEBOOK_MESSENGER, "Page " + a,
            AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
      }
      for (int g = 0; g < AGENTS; g++) {
        tx.agents().insert(Agent.of(agent(g), "Agent " + g));
      }
      return null;
    });
    int conversations = INTERACTIONS / PER_CONVERSATION;
    // Small transactions: the in-memory store checks a write's unique rules against the open
    // transaction's other writes one by one.
    for (int from = 0; from < conversations; from += batch) {
      int start = from;
      store.inTransaction(tx -> {
        for (int c = start; c < start + batch; c++) {
          AccountId account = account(c % ACCOUNTS);
          ChannelIdentity identity = ChannelIdentity.of(account, "psid-" + (1_000_000_000L + c));
          Contact contact = tx.contacts().insert(new Contact(ContactId.of("con-" + c),
              Optional.of(FIRST[c % FIRST.length]), Optional.of(LAST[(c / 7) % LAST.length]),
              Map.of(), Set.of(identity), END, 0));
          Conversation conversation = tx.conversations().insert(Conversation.start(
              ConversationId.of("cnv-" + c), ConversationKey.direct(account, identity.externalId()),
              contact.id(), END));
          for (int k = 0; k < PER_CONVERSATION; k++) {
            insertInteraction(tx, conversation, c, k, random);
          }
        }
        return null;
      });
    }
  }

  /** The query of the view {@code view} names. */
  static InteractionQuery query(String view) {
    return switch (view) {
      case "all" -> InteractionQuery.all();
      case "open-unread-on-account" -> InteractionQuery.builder()
          .status(InteractionStatus.OPEN).read(false).accounts(account(3)).build();
      case "closed-by-agent-tagged" -> InteractionQuery.builder()
          .status(InteractionStatus.CLOSED).agents(agent(17)).anyTag(Tag.of("vip")).build();
      case "started-last-week" -> InteractionQuery.builder()
          .startedFrom(END.minus(Duration.ofDays(7))).build();
      case "search-parcel" -> InteractionQuery.builder().text("parcel").build();
      case "search-and-filter" -> InteractionQuery.builder().text("where order")
          .status(InteractionStatus.CLOSED).accounts(account(1), account(2)).build();
      default -> throw new IllegalArgumentException("unknown view " + view);
    };
  }

  private static void insertInteraction(io.openchannel.spi.store.StoreTransaction tx,
      Conversation conversation, int c, int k, SplittableRandom random) {
    // Spread over a year, older interactions first within a conversation.
    long ageSeconds = (long) (PER_CONVERSATION - k) * 3_153_600L - random.nextLong(3_000_000L);
    Instant started = END.minusSeconds(Math.max(60, ageSeconds));
    InteractionId id = InteractionId.of("int-" + c + "-" + k);
    Interaction i = Interaction.open(id, conversation, Direction.IN, started)
        .withOwner(agent(random.nextInt(AGENTS)))
        .withRead(random.nextInt(4) == 0);
    if (random.nextInt(10) == 0) {
      i = i.withTags(Set.of(Tag.of(random.nextBoolean() ? "vip" : "billing")));
    }
    String text = PHRASES[random.nextInt(PHRASES.length)];
    MessageId messageId = MessageId.of("msg-" + c + "-" + k);
    Instant said = started.plusSeconds(random.nextInt(600));
    i = i.withLastMessage(new LastMessage(messageId, said, Direction.IN, MessageKind.TEXT,
        LastMessage.preview(text)));
    if (k < PER_CONVERSATION - 1) {
      i = i.closed(said.plusSeconds(900), Optional.empty());
    }
    tx.interactions().insert(i);
    tx.messages().insert(new Message(messageId, id, conversation.account(), Direction.IN,
        MessageKind.TEXT, text, Optional.empty(), Optional.empty(), false, false,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), said, 0));
  }

  private static final String[] FIRST = {"Mia", "Noah", "Zoë", "Ahmed", "Olga", "Wei", "Lucía",
      "Kenji", "Amara", "Sven", "Fatima", "João", "Priya", "Ivan", "Chloé"};
  private static final String[] LAST = {"Rossi", "Müller", "García", "Ivanova", "Chen", "Haddad",
      "Sato", "Okafor", "Nilsson", "Silva", "Kumar", "Dubois", "Novak", "Kowalski", "Smith"};

  private static AccountId account(int n) {
    return AccountId.of("fb-" + n);
  }

  private static AgentId agent(int n) {
    return AgentId.of("agent-" + n);
  }

  @TearDown(Level.Trial)
  public void close() {
    oc.close();
  }

  /** The view's first page: rows, total and next cursor. */
  @Benchmark
  public Page<InteractionRow> firstPage() {
    return oc.interactions().query(query);
  }
}
