package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code list()} of the accounts and agents repositories: every entity, ordered by id whatever
 * the order of inserts, each in its latest version, including the transaction's own writes and
 * nothing of a failed transaction.
 */
public abstract class ListContract extends StoreContractSupport {

  static Stream<EntityKind<?, ?>> listed() {
    return EntityKind.listed();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listed")
  <I, T> void anEmptyStoreListsNothing(EntityKind<I, T> kind) {
    assertThat(list(kind.list())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listed")
  <I, T> void listIsOrderedByIdWhateverTheOrderOfInserts(EntityKind<I, T> kind) {
    T first = kind.fresh(this);
    T second = kind.fresh(this);
    T third = kind.fresh(this);

    inTransaction(tx -> {
      kind.repository().apply(tx).insert(third);
      return kind.repository().apply(tx).insert(first);
    });
    inTransaction(tx -> kind.repository().apply(tx).insert(second));

    assertThat(list(kind.list())).containsExactly(first, second, third);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listed")
  <I, T> void listShowsTheLatestVersionOfEachEntity(EntityKind<I, T> kind) {
    T first = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T second = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));

    T updated = inTransaction(tx -> kind.repository().apply(tx).update(kind.change().apply(first)));

    assertThat(list(kind.list())).containsExactly(updated, second);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listed")
  <I, T> void listInsideATransactionIncludesItsOwnWritesInIdOrder(EntityKind<I, T> kind) {
    T first = kind.fresh(this);
    T second = kind.fresh(this);
    T third = kind.fresh(this);
    inTransaction(tx -> {
      kind.repository().apply(tx).insert(first);
      return kind.repository().apply(tx).insert(third);
    });

    inTransaction(tx -> {
      var repository = kind.repository().apply(tx);
      repository.insert(second);
      T updatedThird = repository.update(kind.change().apply(third));

      assertThat(kind.list().apply(tx)).containsExactly(first, second, updatedThird);
      return null;
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listed")
  <I, T> void aFailedTransactionAddsNothingToTheList(EntityKind<I, T> kind) {
    T kept = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T lost = kind.fresh(this);

    inFailedTransaction(tx -> {
      kind.repository().apply(tx).insert(lost);
      kind.repository().apply(tx).update(kind.change().apply(kept));
    });

    assertThat(list(kind.list())).containsExactly(kept);
  }
}
