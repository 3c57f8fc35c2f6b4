package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every repository (accounts, agents, contacts, conversations, interactions, messages) must
 * do with ids and versions, each test run once per repository:
 * <ul>
 *   <li>{@code insert} stores a version-0 entity exactly as given and returns it; an existing id
 *       is a {@link ConcurrentUpdateException}; a version other than 0 is an
 *       {@link IllegalArgumentException} (a programming error, not a race to retry). Either way
 *       nothing is stored.
 *   <li>{@code update} stores the entity if its version equals the stored one and returns it with
 *       the version plus one; any other version (older or newer) is a
 *       {@link ConcurrentUpdateException} and an unknown id a {@link NotFoundException}; either way
 *       nothing changes.
 *   <li>{@code find} sees the transaction's own writes, and only committed ones otherwise.
 *   <li>A transaction whose work throws leaves nothing behind, not even a version bump.
 *   <li>Writing through {@link io.openchannel.spi.store.Store#read} throws
 *       {@link IllegalStateException} and keeps nothing.
 * </ul>
 */
public abstract class RepositoryContract extends StoreContractSupport {

  static Stream<EntityKind<?, ?>> kinds() {
    return EntityKind.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void insertedEntityIsFoundExactlyAsGiven(EntityKind<I, T> kind) {
    T entity = kind.fresh(this);

    T returned = inTransaction(tx -> kind.repository().apply(tx).insert(entity));

    assertThat(returned).isEqualTo(entity);
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(entity))))
        .contains(entity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void findOfAnUnknownIdIsEmpty(EntityKind<I, T> kind) {
    T neverStored = kind.fresh(this);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(neverStored))))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void insertOfAnExistingIdIsAConcurrentUpdateAndKeepsTheStoredEntity(EntityKind<I, T> kind) {
    T first = kind.fresh(this);
    inTransaction(tx -> kind.repository().apply(tx).insert(first));
    T sameId = kind.change().apply(first);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx).insert(sameId)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(first)))).contains(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void insertWithANonZeroVersionIsRejectedAndStoresNothing(EntityKind<I, T> kind) {
    T versioned = kind.withVersion(kind.fresh(this), 1);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx).insert(versioned)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(versioned)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateBumpsTheVersionByOneAndReturnsWhatItStored(EntityKind<I, T> kind) {
    T stored = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T changed = kind.change().apply(stored);

    T returned = inTransaction(tx -> kind.repository().apply(tx).update(changed));

    assertThat(returned).isEqualTo(kind.withVersion(changed, 1));
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(stored))))
        .contains(returned);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void everyCommittedUpdateBumpsTheVersionAgain(EntityKind<I, T> kind) {
    T current = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));

    for (int i = 0; i < 3; i++) {
      T changed = kind.change().apply(current);
      current = inTransaction(tx -> kind.repository().apply(tx).update(changed));
    }

    T last = current;
    assertThat(kind.versionOf(last)).isEqualTo(3);
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(last)))).contains(last);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateWithAStaleVersionIsRejectedAndChangesNothing(EntityKind<I, T> kind) {
    T original = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T winner = inTransaction(tx -> kind.repository().apply(tx).update(kind.change().apply(original)));
    T loser = kind.change().apply(kind.change().apply(original)); // still at version 0

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx).update(loser)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(original))))
        .contains(winner);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateWithAVersionAheadOfTheStoredOneIsRejectedAndChangesNothing(EntityKind<I, T> kind) {
    T original = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T ahead = kind.withVersion(kind.change().apply(original), 5);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx).update(ahead)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(original))))
        .contains(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateOfAnUnknownIdIsNotFoundAndStoresNothing(EntityKind<I, T> kind) {
    T neverStored = kind.fresh(this);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx).update(neverStored)))
        .isInstanceOf(NotFoundException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(neverStored))))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void findInsideATransactionSeesItsOwnInsertAndUpdates(EntityKind<I, T> kind) {
    T entity = kind.fresh(this);
    I id = kind.id().apply(entity);

    T last = inTransaction(tx -> {
      var repository = kind.repository().apply(tx);
      repository.insert(entity);
      assertThat(repository.find(id)).contains(entity);
      T once = repository.update(kind.change().apply(entity));
      assertThat(repository.find(id)).contains(once);
      T twice = repository.update(kind.change().apply(once));
      assertThat(repository.find(id)).contains(twice);
      return twice;
    });

    assertThat(kind.versionOf(last)).isEqualTo(2);
    assertThat(find(tx -> kind.repository().apply(tx).find(id))).contains(last);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void aFailedTransactionLeavesNoInsertBehind(EntityKind<I, T> kind) {
    T entity = kind.fresh(this);

    inFailedTransaction(tx -> kind.repository().apply(tx).insert(entity));

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(entity)))).isEmpty();
    T again = inTransaction(tx -> kind.repository().apply(tx).insert(entity));
    assertThat(again).isEqualTo(entity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void aFailedTransactionLeavesNoUpdateAndNoVersionBumpBehind(EntityKind<I, T> kind) {
    T original = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));

    inFailedTransaction(tx -> {
      var repository = kind.repository().apply(tx);
      repository.update(kind.change().apply(repository.update(kind.change().apply(original))));
    });

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(original))))
        .contains(original);
    T changed = kind.change().apply(original);
    T updated = inTransaction(tx -> kind.repository().apply(tx).update(changed));
    assertThat(updated).isEqualTo(kind.withVersion(changed, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void readRefusesAnInsertAndKeepsNothing(EntityKind<I, T> kind) {
    T entity = kind.fresh(this);

    assertThatThrownBy(() -> read(tx -> kind.repository().apply(tx).insert(entity)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(entity)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void readRefusesAnUpdateAndChangesNothing(EntityKind<I, T> kind) {
    T original = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));

    assertThatThrownBy(() -> read(tx -> kind.repository().apply(tx).update(kind.change().apply(original))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(original))))
        .contains(original);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void findAllFindsStoredEntitiesAndOwnWritesAndLeavesOutUnknownIds(EntityKind<I, T> kind) {
    T committed = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T neverStored = kind.fresh(this);
    T own = kind.fresh(this);

    Map<I, T> found = inTransaction(tx -> {
      kind.repository().apply(tx).insert(own);
      return kind.repository().apply(tx).findAll(List.of(kind.id().apply(committed),
          kind.id().apply(neverStored), kind.id().apply(own), kind.id().apply(committed)));
    });

    assertThat(found).containsOnly(entry(kind.id().apply(committed), committed),
        entry(kind.id().apply(own), own));
    Map<I, T> none = read(tx -> kind.repository().apply(tx).findAll(List.of()));
    assertThat(none).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void insertAllStoresEveryEntityAsGiven(EntityKind<I, T> kind) {
    List<T> entities = List.of(kind.fresh(this), kind.fresh(this), kind.fresh(this));

    List<T> returned = inTransaction(tx -> kind.repository().apply(tx).insertAll(entities));

    assertThat(returned).isEqualTo(entities);
    for (T entity : entities) {
      assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(entity))))
          .contains(entity);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void insertAllWithOneExistingIdIsAConcurrentUpdateAndKeepsNoneOfTheBatch(
      EntityKind<I, T> kind) {
    T stored = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T fresh = kind.fresh(this);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx)
        .insertAll(List.of(fresh, kind.change().apply(stored)))))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(fresh)))).isEmpty();
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(stored))))
        .contains(stored);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateAllAppliesEachUpdateInTurnAlsoRepeatedOnesOfOneEntity(EntityKind<I, T> kind) {
    T a = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T b = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T aOnce = kind.change().apply(a);
    T aTwice = kind.change().apply(kind.withVersion(aOnce, 1));
    T bOnce = kind.change().apply(b);

    List<T> returned = inTransaction(tx ->
        kind.repository().apply(tx).updateAll(List.of(aOnce, bOnce, aTwice)));

    assertThat(returned).containsExactly(kind.withVersion(aOnce, 1), kind.withVersion(bOnce, 1),
        kind.withVersion(aTwice, 2));
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(a))))
        .contains(kind.withVersion(aTwice, 2));
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(b))))
        .contains(kind.withVersion(bOnce, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateAllWithOneStaleVersionIsAConcurrentUpdateAndKeepsNoneOfTheBatch(
      EntityKind<I, T> kind) {
    T a = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T b = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T bWinner = inTransaction(tx -> kind.repository().apply(tx).update(kind.change().apply(b)));

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx)
        .updateAll(List.of(kind.change().apply(a), kind.change().apply(b)))))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(a)))).contains(a);
    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(b))))
        .contains(bWinner);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  <I, T> void updateAllOfAnUnknownIdIsNotFoundAndKeepsNoneOfTheBatch(EntityKind<I, T> kind) {
    T a = inTransaction(tx -> kind.repository().apply(tx).insert(kind.fresh(this)));
    T neverStored = kind.fresh(this);

    assertThatThrownBy(() -> inTransaction(tx -> kind.repository().apply(tx)
        .updateAll(List.of(kind.change().apply(a), neverStored))))
        .isInstanceOf(NotFoundException.class);

    assertThat(find(tx -> kind.repository().apply(tx).find(kind.id().apply(a)))).contains(a);
  }
}
