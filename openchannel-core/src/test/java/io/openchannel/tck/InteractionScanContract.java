package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.query.Cursor;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.spi.store.InteractionSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A jqwik property on what a scan (pages read by following cursors) guarantees while the store
 * changes between pages: new interactions, new messages moving rows up, tag changes, closes and
 * read flips. For every random history, with any of the view's orders and page sizes:
 * <ol>
 *   <li>no interaction is shown twice, and keys strictly decrease across the whole scan;
 *   <li>every row shown matches the query and is the latest version when its page is read, and
 *       every page's total counts exactly the matching interactions at that moment;
 *   <li>every interaction that matched when each page was read and whose sort key never changed
 *       is shown exactly once;
 *   <li>interactions that start during the scan are never shown (they sort above the cursor).
 * </ol>
 * An interaction whose key changed mid-scan is shown at most once (1). This is the definition of
 * stability in {@link InteractionQuery}'s Javadoc. Run it as a jqwik container, like
 * {@link StoreModelContract}.
 */
public abstract class InteractionScanContract extends QueryContractSupport {
  private static final Instant BASE = StoreFixtures.T0;

  /** One interaction at the start: start minute, last message minute (or -1), tags, account, read. */
  record Seed(int start, int last, int tags, int account, boolean read) {}

  /** A change between pages; {@code target} picks an existing interaction modulo their number. */
  record Change(int kind, int target, int tags) {}

  /** The query's shape: which filter, which order, how many rows a page. */
  record Shape(int filter, InteractionSort sort, int pageSize) {}

  @Property(tries = 150)
  void aScanShowsEveryStableMatchExactlyOnceWhateverChangesMeanwhile(
      @ForAll("seeds") List<Seed> seeds, @ForAll("gaps") List<List<Change>> gaps,
      @ForAll("shapes") Shape shape) {
    store = newStore();
    try {
      scan(seeds, gaps, shape);
    } finally {
      dropStore(store);
      store = null;
    }
  }

  private void scan(List<Seed> seeds, List<List<Change>> gaps, Shape shape) {
    List<Account> accounts = List.of(givenAccount(), givenAccount());
    Map<InteractionId, Interaction> model = new LinkedHashMap<>();
    for (Seed s : seeds) {
      Interaction i = given(accounts.get(s.account()), minute(s.start()), x -> {
        Interaction y = x.withTags(tagSet(s.tags())).withRead(s.read());
        return s.last() < 0 ? y : lastMessage(minute(s.last()), Direction.IN).apply(y);
      });
      model.put(i.id(), i);
    }
    Set<InteractionId> atStart = new HashSet<>(model.keySet());
    InteractionQuery first = query(shape, accounts);
    Predicate<Interaction> matches = predicate(shape, accounts);

    Set<InteractionId> keyChanged = new HashSet<>();
    Set<InteractionId> stoppedMatching = new HashSet<>();
    List<InteractionId> shown = new ArrayList<>();
    SortKey previous = null;
    InteractionQuery page = first;
    int now = 1_000;
    for (int p = 0; ; p++) {
      for (Interaction i : model.values()) {
        if (!matches.test(i)) {
          stoppedMatching.add(i.id());
        }
      }
      InteractionSlice slice = query(page);
      assertThat(slice.total()).as("total on page %s", p)
          .isEqualTo(model.values().stream().filter(matches).count());
      for (Interaction row : slice.interactions()) {
        assertThat(row).as("a row is the latest version").isEqualTo(model.get(row.id()));
        assertThat(matches.test(row)).as("row %s matches", row.id()).isTrue();
        SortKey key = SortKey.of(row, shape.sort());
        assertThat(previous == null || previous.compareTo(key) < 0)
            .as("keys strictly decrease: %s then %s", previous, key).isTrue();
        previous = key;
        shown.add(row.id());
      }
      if (!slice.more()) {
        break;
      }
      assertThat(slice.interactions()).as("a page before the last is full").hasSize(shape.pageSize());
      page = first.after(new Cursor(previous, first.fingerprint()));
      for (Change c : p < gaps.size() ? gaps.get(p) : List.<Change>of()) {
        now++;
        apply(c, now, model, accounts, keyChanged, shape.sort());
      }
    }

    assertThat(shown).as("no interaction twice").doesNotHaveDuplicates();
    for (InteractionId id : atStart) {
      if (!keyChanged.contains(id) && !stoppedMatching.contains(id)) {
        assertThat(shown).as("stable match %s shown", id).contains(id);
      }
    }
    assertThat(shown).as("nothing that started during the scan").allMatch(atStart::contains);
    Statistics.label("pages > 1").collect(shown.size() > shape.pageSize());
    Statistics.label("key moved mid-scan").collect(!keyChanged.isEmpty());
  }

  private void apply(Change c, int now, Map<InteractionId, Interaction> model,
      List<Account> accounts, Set<InteractionId> keyChanged, InteractionSort sort) {
    List<Interaction> all = new ArrayList<>(model.values());
    if (c.kind() == 0 || all.isEmpty()) {
      Interaction fresh = given(accounts.get(c.target() % 2), minute(now),
          x -> x.withTags(tagSet(c.tags())));
      model.put(fresh.id(), fresh);
      return;
    }
    Interaction target = all.get(c.target() % all.size());
    SortKey before = SortKey.of(target, sort);
    Interaction changed = switch (c.kind()) {
      case 1 -> change(target, lastMessage(minute(now), Direction.IN));
      case 2 -> change(target, x -> x.withTags(tagSet(c.tags())));
      case 3 -> target.isOpen() ? change(target, closed(minute(now), null)) : target;
      default -> change(target, x -> x.withRead(!x.read()));
    };
    model.put(changed.id(), changed);
    if (!SortKey.of(changed, sort).equals(before)) {
      keyChanged.add(changed.id());
    }
  }

  private static InteractionQuery query(Shape shape, List<Account> accounts) {
    InteractionQuery.Builder b = InteractionQuery.builder().sort(shape.sort())
        .pageSize(shape.pageSize());
    switch (shape.filter()) {
      case 1 -> b.status(InteractionStatus.OPEN);
      case 2 -> b.anyTag(Tag.of("a"));
      case 3 -> b.accounts(accounts.get(0).id()).read(false);
      case 4 -> b.allTags(Tag.of("a"), Tag.of("b"));
      default -> { }
    }
    return b.build();
  }

  /** The same filters, written independently of any store. */
  private static Predicate<Interaction> predicate(Shape shape, List<Account> accounts) {
    return switch (shape.filter()) {
      case 1 -> i -> i.status() == InteractionStatus.OPEN;
      case 2 -> i -> i.tags().contains(Tag.of("a"));
      case 3 -> i -> i.account().equals(accounts.get(0).id()) && !i.read();
      case 4 -> i -> i.tags().containsAll(tagSet(0b11));
      default -> i -> true;
    };
  }

  private static Set<Tag> tagSet(int mask) {
    Set<Tag> tags = new TreeSet<>();
    if ((mask & 1) != 0) {
      tags.add(Tag.of("a"));
    }
    if ((mask & 2) != 0) {
      tags.add(Tag.of("b"));
    }
    return tags;
  }

  private static Instant minute(int m) {
    return BASE.plusSeconds(60L * m);
  }

  @Provide
  Arbitrary<List<Seed>> seeds() {
    Arbitrary<Seed> seed = Combinators.combine(Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(-1, 8), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 1), Arbitraries.of(true, false)).as(Seed::new);
    return seed.list().ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<List<Change>>> gaps() {
    Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 3))
        .as(Change::new);
    return change.list().ofMaxSize(3).list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<Shape> shapes() {
    return Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.of(InteractionSort.class), Arbitraries.integers().between(1, 4))
        .as(Shape::new);
  }
}
