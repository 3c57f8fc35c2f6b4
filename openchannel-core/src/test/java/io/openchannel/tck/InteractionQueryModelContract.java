package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.query.QueryMatcher;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.Cursor;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.Join;
import io.openchannel.query.SortKey;
import io.openchannel.query.TagMatch;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.InteractionSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A jqwik property: for random interactions (contacts in several scripts, messages, auto-replies,
 * tags, agents, closes, last messages) and random queries (every filter, free text, advanced
 * criteria joined by AND or OR, both orders, any page size), the pages a store gives, followed
 * by their cursors, hold exactly the interactions the reference matcher accepts, in
 * {@link SortKey} order, and every page's total counts them (exactly up to the query's
 * {@code exactTotalUpTo}, a random limit here; past it a lower bound the slice flags). The reference is core's
 * {@code QueryMatcher}, which checks one interaction filter by filter as
 * {@code InteractionRepository.query} defines. Run it as a jqwik container.
 */
public abstract class InteractionQueryModelContract extends QueryContractSupport {
  private static final String[][] NAMES = {{"Zoë", "Müller"}, {"Иван", "Петров"},
      {"Wei", "东京"}, {null, null}, {"Ada", "Lovelace"}};
  private static final String[] TEXTS = {"Where is my parcel 📦", "Заказ не пришёл",
      "我想去东京都", "order 4711", "Thanks!"};
  private static final String[] SEARCHES = {"parcel", "MULL", "заказ", "东京", "📦", "ord",
      "zoe", "иван пет", "4711 than", "东", "ada love"};

  /** One interaction: every number picks from a small pool. */
  record Row(int name, int account, int start, int tags, boolean read, int agents, int close,
      int last, int texts, boolean autoReply) {}

  /** One query: each number switches a filter off (0) or picks a value for it. */
  record Shape(int status, int read, int accounts, int agents, int tags, int range, int text,
      List<Integer> criteria, boolean or, boolean byStart, int pageSize, long exactUpTo) {}

  @Property(tries = 120)
  void pagesHoldExactlyWhatTheReferenceMatcherAccepts(@ForAll("rows") List<Row> rows,
      @ForAll("shapes") Shape shape) {
    store = newStore();
    try {
      check(rows, shape);
    } finally {
      dropStore(store);
      store = null;
    }
  }

  private void check(List<Row> rows, Shape shape) {
    List<Account> accounts = List.of(givenAccount(), givenAccount());
    List<AgentId> agents = List.of(givenAgent().id(), givenAgent().id());
    Map<InteractionId, Interaction> stored = new HashMap<>();
    Map<InteractionId, Contact> contacts = new HashMap<>();
    Map<InteractionId, List<Message>> messages = new HashMap<>();
    for (Row r : rows) {
      String[] name = NAMES[r.name()];
      Account account = accounts.get(r.account());
      Contact contact = givenContact(name[0], name[1], Map.of(), fixtures.identity(account));
      Interaction i = given(account, contact, minute(r.start()), change(r, agents));
      List<Message> said = new ArrayList<>();
      for (int t = 0; t < r.texts(); t++) {
        said.add(givenText(i, TEXTS[(r.name() + t) % TEXTS.length]));
      }
      if (r.autoReply()) {
        said.add(givenAutoReply(i, "Thanks, parcel 📦 noted"));
      }
      stored.put(i.id(), i);
      contacts.put(i.id(), contact);
      messages.put(i.id(), said);
    }
    InteractionQuery first = query(shape, accounts, agents);
    QueryMatcher reference = new QueryMatcher(first, i -> contacts.get(i.id()),
        i -> messages.get(i.id()));
    List<Interaction> expected = stored.values().stream().filter(reference::matches)
        .sorted((a, b) -> SortKey.of(a, first.sort()).compareTo(SortKey.of(b, first.sort())))
        .toList();

    List<Interaction> scanned = new ArrayList<>();
    InteractionQuery page = first;
    for (int guard = 0; guard < 100; guard++) {
      InteractionSlice slice = query(page);
      assertCountedUpToTheLimit(slice, expected.size(), first);
      scanned.addAll(slice.interactions());
      if (!slice.more()) {
        break;
      }
      Interaction last = slice.interactions().get(slice.interactions().size() - 1);
      page = first.after(new Cursor(SortKey.of(last, first.sort()), first.fingerprint()));
    }
    assertThat(scanned).as("pages of %s", first).isEqualTo(expected);
    Statistics.label("matches").collect(expected.isEmpty() ? "none"
        : expected.size() == rows.size() ? "all" : "some");
    Statistics.label("matches").coverage(c -> c.check("some").percentage(p -> p > 20));
  }

  private UnaryOperator<Interaction> change(Row r, List<AgentId> agents) {
    return i -> {
      Interaction x = i.withRead(r.read()).withTags(tagSet(r.tags()));
      if (r.agents() > 0) {
        x = x.withOwner(agents.get(r.agents() % 2));
        if (r.agents() > 2) {
          x = x.withOwner(agents.get((r.agents() + 1) % 2));
        }
      }
      if (r.last() > 0) {
        x = lastMessage(minute(r.start() + r.last()), r.last() % 2 == 0 ? Direction.IN
            : Direction.OUT).apply(x);
      }
      if (r.close() > 0) {
        x = closed(minute(r.start() + 30), r.close() == 1 ? null : r.close() == 2 ? "won" : "lost")
            .apply(x);
      }
      return x;
    };
  }

  private static InteractionQuery query(Shape s, List<Account> accounts, List<AgentId> agents) {
    InteractionQuery.Builder b = InteractionQuery.builder().pageSize(s.pageSize())
        .exactTotalUpTo(s.exactUpTo())
        .sort(s.byStart() ? InteractionSort.STARTED : InteractionSort.LAST_MESSAGE);
    if (s.status() > 0) {
      b.status(s.status() == 1 ? InteractionStatus.OPEN : InteractionStatus.CLOSED);
    }
    if (s.read() > 0) {
      b.read(s.read() == 1);
    }
    if (s.accounts() > 0) {
      b.accounts(accounts.get(s.accounts() % 2).id());
    }
    if (s.agents() > 0) {
      b.agents(agents.get(s.agents() % 2));
      if (s.agents() > 2) {
        b.agents(agents.get((s.agents() + 1) % 2));
      }
    }
    if (s.tags() > 0) {
      b.tags(s.tags() > 2 ? TagMatch.ALL : TagMatch.ANY, tagSet(s.tags() == 1 ? 1 : 3));
    }
    if (s.range() > 0) {
      b.startedBetween(minute(s.range()), minute(s.range() + 4));
    }
    if (s.text() > 0) {
      b.text(SEARCHES[s.text() - 1]);
    }
    if (!s.criteria().isEmpty()) {
      List<Criterion> criteria = new ArrayList<>();
      for (int c : s.criteria()) {
        criteria.add(criterion(c, accounts, agents));
      }
      b.advanced(new AdvancedSearch(s.or() ? Join.OR : Join.AND, criteria));
    }
    return b.build();
  }

  private static Criterion criterion(int n, List<Account> accounts, List<AgentId> agents) {
    return switch (n) {
      case 0 -> Criterion.of("status", "EQUALS", "OPEN");
      case 1 -> Criterion.of("read", "NOT_EQUALS", "true");
      case 2 -> Criterion.of("agent", "ABSENT");
      case 3 -> Criterion.of("owner", "EQUALS", agents.get(1).value());
      case 4 -> Criterion.of("tag", "IN", "a", "b");
      case 5 -> Criterion.of("tag", "ABSENT");
      case 6 -> Criterion.of("disposition", "NOT_EQUALS", "won");
      case 7 -> Criterion.of("startedAt", "BEFORE", minute(5).toString());
      case 8 -> Criterion.of("closedAt", "PRESENT");
      case 9 -> Criterion.of("lastMessageAt", "AFTER", minute(6).toString());
      case 10 -> Criterion.of("lastMessageDirection", "EQUALS", "IN");
      case 11 -> Criterion.of("contactName", "CONTAINS", "ULL");
      case 12 -> Criterion.of("contactName", "ABSENT");
      case 13 -> Criterion.of("contactIdentifier", "STARTS_WITH",
          accounts.get(0).id().value().substring(0, 3));
      case 14 -> Criterion.of("messageText", "CONTAINS", "ЗАКАЗ");
      case 15 -> Criterion.of("messageText", "ABSENT");
      case 16 -> Criterion.of("account", "IN", accounts.get(1).id().value());
      default -> Criterion.of("origin", "EQUALS", "IN");
    };
  }

  private static java.util.Set<Tag> tagSet(int mask) {
    java.util.Set<Tag> tags = new java.util.TreeSet<>();
    if ((mask & 1) != 0) {
      tags.add(Tag.of("a"));
    }
    if ((mask & 2) != 0) {
      tags.add(Tag.of("b"));
    }
    return tags;
  }

  private static Instant minute(int m) {
    return StoreFixtures.T0.plusSeconds(60L * m);
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row = Combinators.combine(
        Arbitraries.integers().between(0, NAMES.length - 1), Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4))
        .flatAs((name, account, start, tags, read, agents, close, last) ->
            Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as((texts, auto) -> new Row(name, account, start, tags, read, agents, close,
                    last, texts, auto)));
    return row.list().ofMinSize(2).ofMaxSize(14);
  }

  /** 0 (off) about two times in three, else 1 to {@code max}. */
  private static Arbitrary<Integer> sometimes(int max) {
    return Arbitraries.integers().between(-2 * max, max).map(v -> Math.max(v, 0));
  }

  @Provide
  Arbitrary<Shape> shapes() {
    // Each filter is off most of the time, so that queries often match some rows but not all.
    return Combinators.combine(sometimes(2), sometimes(2), sometimes(2), sometimes(3),
        sometimes(3), sometimes(8), sometimes(SEARCHES.length),
        Arbitraries.integers().between(0, 17).list().ofMaxSize(2))
        .flatAs((status, read, accounts, agents, tags, range, text, criteria) ->
            Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 6),
                Arbitraries.of(Long.MAX_VALUE, InteractionQuery.DEFAULT_EXACT_TOTAL_UP_TO, 1L,
                    2L, 3L, 5L))
                .as((or, byStart, pageSize, exactUpTo) -> new Shape(status, read, accounts,
                    agents, tags, range, text, criteria, or, byStart, pageSize, exactUpTo)));
  }
}
