package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;
import static io.openchannel.tck.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.query.Cursor;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionSort;
import io.openchannel.query.SortKey;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.InteractionSlice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interactions view's filters, order, pages and counts ({@code InteractionRepository.query}):
 * each filter alone and combined, newest first with ties by id, cursors that continue strictly
 * after a key, totals that ignore the cursor. Search is {@link InteractionSearchContract}'s, what
 * a scan guarantees under concurrent change {@link InteractionScanContract}'s.
 */
public abstract class InteractionQueryContract extends QueryContractSupport {

  private static InteractionQuery.Builder q() {
    return InteractionQuery.builder();
  }

  @Test
  void anEmptyStoreAnswersAnEmptyLastPage() {
    InteractionSlice slice = query(InteractionQuery.all());

    assertThat(slice.interactions()).isEmpty();
    assertThat(slice.more()).isFalse();
    assertThat(slice.total()).isZero();
  }

  @Test
  void theDefaultOrderIsLastMessageTimeNewestFirstFallingBackToTheStart() {
    Account account = givenAccount();
    Interaction quiet = given(account, at(5), plain());
    Interaction busy = given(account, at(1), lastMessage(at(9), Direction.IN));
    Interaction older = given(account, at(2), lastMessage(at(3), Direction.OUT));

    assertThat(ids(InteractionQuery.all())).isEqualTo(idsOf(busy, quiet, older));
  }

  @Test
  void sortingByStartIgnoresLastMessages() {
    Account account = givenAccount();
    Interaction quiet = given(account, at(5), plain());
    Interaction busy = given(account, at(1), lastMessage(at(9), Direction.IN));
    Interaction older = given(account, at(2), lastMessage(at(3), Direction.OUT));

    assertThat(ids(q().sort(InteractionSort.STARTED).build()))
        .isEqualTo(idsOf(quiet, older, busy));
  }

  @Test
  void equalSortTimesAreOrderedByIdHighestFirst() {
    Account account = givenAccount();
    Interaction low = given(account, T0, plain());
    Interaction high = given(account, T0, plain());

    assertThat(ids(InteractionQuery.all())).isEqualTo(idsOf(high, low));
    assertThat(ids(q().sort(InteractionSort.STARTED).build())).isEqualTo(idsOf(high, low));
  }

  @Test
  void theStartRangeIncludesItsStartAndExcludesItsEnd() {
    Account account = givenAccount();
    given(account, at(0), plain());
    Interaction atFrom = given(account, at(1), plain());
    Interaction inside = given(account, at(2), plain());
    given(account, at(3), plain());

    assertThat(ids(q().startedBetween(at(1), at(3)).build())).isEqualTo(idsOf(inside, atFrom));
    assertThat(ids(q().startedFrom(at(2)).sort(InteractionSort.STARTED).build())).hasSize(2);
    assertThat(ids(q().startedBefore(at(1)).build())).hasSize(1);
  }

  @Test
  void readAndStatusFilterOnTheirFlags() {
    Account account = givenAccount();
    Interaction openUnread = given(account, at(1), plain());
    Interaction openRead = given(account, at(2), read());
    Interaction closedRead = given(account, at(3), i -> i.withRead(true).closed(at(4),
        java.util.Optional.empty()));

    assertThat(ids(q().read(false).build())).isEqualTo(idsOf(openUnread));
    assertThat(ids(q().read(true).build())).isEqualTo(idsOf(closedRead, openRead));
    assertThat(ids(q().status(InteractionStatus.OPEN).build())).isEqualTo(idsOf(openRead, openUnread));
    assertThat(ids(q().status(InteractionStatus.CLOSED).read(true).build()))
        .isEqualTo(idsOf(closedRead));
  }

  @Test
  void theAccountFilterMatchesAnyOfItsAccounts() {
    Account first = givenAccount();
    Account second = givenAccount();
    Account third = givenAccount();
    Interaction onFirst = given(first, at(1), plain());
    Interaction onSecond = given(second, at(2), plain());
    given(third, at(3), plain());

    assertThat(ids(q().accounts(first.id()).build())).isEqualTo(idsOf(onFirst));
    assertThat(ids(q().accounts(first.id(), second.id()).build()))
        .isEqualTo(idsOf(onSecond, onFirst));
  }

  @Test
  void theAgentFilterMatchesTheFirstAgentNotTheCurrentOwner() {
    Account account = givenAccount();
    AgentId ann = givenAgent().id();
    AgentId bob = givenAgent().id();
    Interaction annFirst = given(account, at(1), i -> i.withOwner(ann).withOwner(bob));
    Interaction bobOnly = given(account, at(2), managedBy(bob));
    given(account, at(3), plain());

    assertThat(ids(q().agents(ann).build())).isEqualTo(idsOf(annFirst));
    assertThat(ids(q().agents(bob).build())).isEqualTo(idsOf(bobOnly));
    assertThat(ids(q().agents(ann, bob).build())).isEqualTo(idsOf(bobOnly, annFirst));
  }

  @Test
  void tagFiltersMatchAnyOrAllOfTheirTags() {
    Account account = givenAccount();
    Interaction vip = given(account, at(1), tagged("vip"));
    Interaction both = given(account, at(2), tagged("vip", "billing"));
    Interaction billing = given(account, at(3), tagged("billing"));
    given(account, at(4), plain());

    assertThat(ids(q().anyTag(Tag.of("vip"), Tag.of("billing")).build()))
        .isEqualTo(idsOf(billing, both, vip));
    assertThat(ids(q().allTags(Tag.of("vip"), Tag.of("billing")).build())).isEqualTo(idsOf(both));
    assertThat(ids(q().allTags(Tag.of("vip")).build())).isEqualTo(idsOf(both, vip));
  }

  @Test
  void filtersCombineWithAnd() {
    Account shop = givenAccount();
    Account other = givenAccount();
    AgentId ann = givenAgent().id();
    Interaction wanted = given(shop, at(1), i -> i.withOwner(ann).withTags(tags("vip")));
    given(shop, at(2), i -> i.withOwner(ann).withTags(tags("vip")).withRead(true));
    given(other, at(3), i -> i.withOwner(ann).withTags(tags("vip")));
    given(shop, at(4), i -> i.withTags(tags("vip")));
    given(shop, at(5), managedBy(ann));

    InteractionQuery query = q().accounts(shop.id()).agents(ann).anyTag(Tag.of("vip")).read(false)
        .status(InteractionStatus.OPEN).startedBefore(at(9)).build();

    assertThat(ids(query)).isEqualTo(idsOf(wanted));
    assertThat(query(query).total()).isEqualTo(1);
  }

  @Test
  void totalsAreExactUpToTheQueryLimitAndFlaggedPastIt() {
    Account account = givenAccount();
    for (int m = 1; m <= 5; m++) {
      given(account, at(m), plain());
    }
    InteractionQuery atTheLimit = q().exactTotalUpTo(5).pageSize(2).build();
    InteractionQuery pastTheLimit = q().exactTotalUpTo(2).pageSize(3).build();

    InteractionSlice exact = query(atTheLimit);
    InteractionSlice capped = query(pastTheLimit);

    assertThat(exact.totalExact()).isTrue();
    assertThat(exact.total()).isEqualTo(5);
    assertCountedUpToTheLimit(capped, 5, pastTheLimit);
    assertThat(capped.interactions()).hasSize(3);
    assertThat(capped.more()).isTrue();
  }

  @Test
  void pagesFollowCursorsAndEveryPageCountsAllMatches() {
    Account account = givenAccount();
    List<Interaction> newestFirst = new ArrayList<>();
    for (int m = 1; m <= 5; m++) {
      newestFirst.add(0, given(account, at(m), plain()));
    }
    InteractionQuery first = q().pageSize(2).build();

    List<InteractionId> seen = new ArrayList<>();
    InteractionQuery page = first;
    List<Boolean> mores = new ArrayList<>();
    while (true) {
      InteractionSlice slice = query(page);
      assertThat(slice.total()).isEqualTo(5);
      slice.interactions().forEach(i -> seen.add(i.id()));
      mores.add(slice.more());
      if (!slice.more()) {
        break;
      }
      Interaction last = slice.interactions().get(slice.interactions().size() - 1);
      page = first.after(new Cursor(SortKey.of(last, first.sort()), first.fingerprint()));
    }

    assertThat(seen).isEqualTo(newestFirst.stream().map(Interaction::id).toList());
    assertThat(mores).containsExactly(true, true, false);
  }

  @Test
  void aFullLastPageSaysNoMore() {
    Account account = givenAccount();
    given(account, at(1), plain());
    given(account, at(2), plain());

    InteractionSlice slice = query(q().pageSize(2).build());

    assertThat(slice.interactions()).hasSize(2);
    assertThat(slice.more()).isFalse();
  }

  @Test
  void aCursorContinuesStrictlyAfterItsKeyEvenWhenNoRowHasIt() {
    Account account = givenAccount();
    Interaction before = given(account, at(3), plain());
    Interaction tieLow = given(account, at(2), plain());
    Interaction tieHigh = given(account, at(2), plain());
    Interaction after = given(account, at(1), plain());
    InteractionQuery all = InteractionQuery.all();

    // A key between the two tied rows: the higher id comes first, so only the lower one follows.
    SortKey between = new SortKey(at(2), InteractionId.of(tieLow.id().value() + "~"));
    InteractionQuery fromBetween = all.after(new Cursor(between, all.fingerprint()));
    SortKey atTieHigh = SortKey.of(tieHigh, InteractionSort.LAST_MESSAGE);
    InteractionQuery fromTieHigh = all.after(new Cursor(atTieHigh, all.fingerprint()));

    assertThat(ids(fromBetween)).isEqualTo(idsOf(tieLow, after));
    assertThat(ids(fromTieHigh)).isEqualTo(idsOf(tieLow, after));
    assertThat(query(fromTieHigh).total()).isEqualTo(4);
    assertThat(ids(all)).startsWith(before.id());
  }

  @Test
  void aRowMovedAboveTheCursorIsNotShownAgain() {
    Account account = givenAccount();
    Interaction bottom = given(account, at(1), plain());
    Interaction middle = given(account, at(2), plain());
    Interaction top = given(account, at(3), plain());
    InteractionQuery first = q().pageSize(1).build();
    Interaction shown = query(first).interactions().get(0);

    change(bottom, lastMessage(at(10), Direction.IN)); // moves to the top, above the cursor
    InteractionQuery next = first.after(
        new Cursor(SortKey.of(shown, InteractionSort.LAST_MESSAGE), first.fingerprint()));

    assertThat(shown.id()).isEqualTo(top.id());
    assertThat(ids(next.toBuilder().pageSize(10).build())).isEqualTo(idsOf(middle));
  }

  @Test
  void rowsAreTheLatestCommittedVersions() {
    Account account = givenAccount();
    Interaction stored = given(account, at(1), plain());
    Interaction tagged = change(stored, tagged("vip"));

    assertThat(query(InteractionQuery.all()).interactions()).containsExactly(tagged);
    assertThat(query(q().anyTag(Tag.of("vip")).build()).interactions()).containsExactly(tagged);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void readersOnOtherThreadsSeeWholeTransactionsOnly() throws Exception {
    Account account = givenAccount();
    int pairs = 150;
    // Each transaction inserts two tagged interactions: a reader must never count an odd number,
    // and a page's rows and total come from the same snapshot.
    Background<Void> writer = Background.start(() -> {
      for (int p = 0; p < pairs; p++) {
        Conversation first = givenConversation(account, givenContact());
        Conversation second = givenConversation(account, givenContact());
        java.time.Instant startedAt = at(p);
        inTransaction(tx -> {
          tx.interactions().insert(fixtures.interaction(first, startedAt).withTags(tags("pair")));
          return tx.interactions().insert(fixtures.interaction(second, startedAt)
              .withTags(tags("pair")));
        });
      }
      return null;
    });
    List<Background<Long>> readers = new ArrayList<>();
    InteractionQuery pairsOnly = q().anyTag(Tag.of("pair")).pageSize(500).build();
    for (int r = 0; r < 2; r++) {
      readers.add(Background.start(() -> {
        long last = 0;
        for (int n = 0; n < 200; n++) {
          InteractionSlice slice = query(pairsOnly);
          assertThat(slice.total() % 2).as("a half-committed pair").isZero();
          assertThat(slice.total()).as("totals never shrink").isGreaterThanOrEqualTo(last);
          assertThat((long) slice.interactions().size()).isEqualTo(slice.total());
          last = slice.total();
        }
        return last;
      }));
    }

    writer.join();
    for (Background<Long> reader : readers) {
      reader.join();
    }
    assertThat(query(pairsOnly).total()).isEqualTo(2L * pairs);
  }

  @Test
  void aFailedTransactionLeavesNoTraceInTheView() {
    Account account = givenAccount();
    Interaction kept = given(account, at(1), plain());
    Conversation conversation = givenConversation(account, givenContact());
    Interaction lost = fixtures.interaction(conversation, at(2));

    inFailedTransaction(tx -> {
      tx.interactions().insert(lost);
      tx.interactions().update(kept.withTags(tags("vip")));
    });

    assertThat(query(InteractionQuery.all()).interactions()).containsExactly(kept);
    assertThat(query(q().anyTag(Tag.of("vip")).build()).total()).isZero();
  }
}
