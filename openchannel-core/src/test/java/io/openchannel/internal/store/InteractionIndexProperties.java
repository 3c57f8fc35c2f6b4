package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.query.QueryMatcher;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.query.Cursor;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.spi.store.InteractionSlice;
import io.openchannel.tck.StoreFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The in-memory store's indexes answer like a plain filter-and-sort over every interaction, on
 * enough rows that both ways of finding a page run: walking an order when matches are dense,
 * picking with a heap when they are sparse.
 */
class InteractionIndexProperties {
  private static final List<String> WORDS = List.of("parcel", "refund", "late", "Ciao", "東京都",
      "📦", "order", "paquete");

  @Property(tries = 60)
  void pagesAndTotalsEqualAFullScan(@ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int filter,
      @ForAll @IntRange(min = 1, max = 30) int pageSize, @ForAll boolean byStart) {
    Random random = new Random(seed);
    InMemoryStore store = new InMemoryStore();
    StoreFixtures fixtures = new StoreFixtures();
    List<Account> accounts = List.of(fixtures.account(), fixtures.account(), fixtures.account());
    store.inTransaction(tx -> {
      accounts.forEach(tx.accounts()::insert);
      for (int n = 0; n < 400; n++) {
        Contact contact = tx.contacts().insert(fixtures.contact());
        Conversation c = tx.conversations().insert(fixtures.conversation(
            accounts.get(random.nextInt(3)), contact));
        Interaction i = fixtures.interaction(c, StoreFixtures.at(random.nextInt(50)));
        if (random.nextInt(4) == 0) {
          i = i.withTags(Set.of(Tag.of(random.nextBoolean() ? "vip" : "late")));
        }
        i = i.withRead(random.nextInt(3) == 0);
        if (random.nextBoolean()) {
          i = i.withLastMessage(new LastMessage(MessageId.of(fixtures.fresh("m")),
              StoreFixtures.at(50 + random.nextInt(50)), Direction.IN, MessageKind.TEXT, "x"));
        }
        if (random.nextInt(3) == 0) {
          i = i.closed(StoreFixtures.at(200), Optional.empty());
        }
        tx.interactions().insert(i);
        if (random.nextInt(5) == 0) {
          Message m = fixtures.message(i);
          tx.messages().insert(new Message(m.id(), m.interaction(), m.account(), m.direction(),
              m.kind(), WORDS.get(random.nextInt(WORDS.size())), m.attachment(), m.author(), false,
              false, Optional.empty(), m.deliveryStatus(), Optional.empty(), Optional.empty(),
              Optional.empty(), m.createdAt(), 0));
        }
      }
      return null;
    });
    InteractionQuery.Builder b = InteractionQuery.builder().pageSize(pageSize)
        .sort(byStart ? InteractionSort.STARTED : InteractionSort.LAST_MESSAGE);
    switch (filter) {
      case 1 -> b.status(InteractionStatus.OPEN);
      case 2 -> b.anyTag(Tag.of("vip"));
      case 3 -> b.accounts(accounts.get(0).id()).read(false);
      case 4 -> b.text("parcel");
      case 5 -> b.startedBetween(StoreFixtures.at(10), StoreFixtures.at(20));
      case 6 -> b.text("東京").status(InteractionStatus.CLOSED);
      case 7 -> b.allTags(Tag.of("vip"), Tag.of("late"));
      case 8 -> b.startedBetween(StoreFixtures.at(10), StoreFixtures.at(12)); // few inside
      case 9 -> b.startedFrom(StoreFixtures.at(2)).status(InteractionStatus.OPEN); // few outside
      default -> { }
    }
    InteractionQuery first = b.build();

    QueryMatcher matcher = new QueryMatcher(first,
        i -> store.read(tx -> tx.contacts().find(i.contact()).orElseThrow()),
        i -> store.read(tx -> tx.messages().listByInteraction(i.id())));
    List<Interaction> reference = store.committedInteractions().stream().filter(matcher::matches)
        .sorted((x, y) -> SortKey.of(x, first.sort()).compareTo(SortKey.of(y, first.sort())))
        .toList();

    List<Interaction> scanned = new ArrayList<>();
    InteractionQuery page = first;
    while (true) {
      InteractionQuery current = page;
      InteractionSlice slice = store.read(tx -> tx.interactions().query(current));
      assertThat(slice.total()).isEqualTo(reference.size());
      scanned.addAll(slice.interactions());
      if (!slice.more()) {
        break;
      }
      Interaction last = slice.interactions().get(slice.interactions().size() - 1);
      page = first.after(new Cursor(SortKey.of(last, first.sort()), first.fingerprint()));
    }
    assertThat(scanned).isEqualTo(reference);
    Statistics.label("matches").collect(reference.size() * 4 < 400 ? "sparse" : "dense");
  }
}
