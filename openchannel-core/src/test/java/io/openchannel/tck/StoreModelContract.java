package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.tck.ModelOps.Op;
import io.openchannel.tck.ModelOps.Step;
import io.openchannel.tck.ModelOps.Tx;
import io.openchannel.tck.StoreModel.Universe;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A jqwik property: any random history of transactions (inserts and updates of all six kinds,
 * with colliding ids, identities, keys and channel message ids, stale versions, and work that
 * fails) leaves the store answering every lookup exactly as a simple model does, both inside each
 * transaction (its own writes) and after it (committed or rolled back). Every history starts
 * from the same small world (two accounts, a contact, a conversation, an interaction), written
 * through the same checked steps. Each try runs on a store
 * of its own from {@link #newStore()}, handed back with {@link #dropStore}.
 *
 * <p>Run it as a jqwik container: a top-level subclass, or an inner class annotated with jqwik's
 * {@code @Group} (JUnit's {@code @Nested} is for the JUnit suites only).
 */
public abstract class StoreModelContract extends StoreContractSupport {

  @Property(tries = 200)
  void randomHistoriesLeaveTheStoreAnsweringLikeTheModel(@ForAll("histories") List<Tx> history) {
    Store tried = newStore();
    try {
      replay(tried, new Universe(new StoreFixtures().fresh("")), history);
    } finally {
      dropStore(tried);
    }
    // Guards the generator: histories must keep exercising both paths of inserts and updates.
    Statistics.label("steps").coverage(coverage -> {
      coverage.check("insert", "succeeds").percentage(p -> p > 10);
      coverage.check("insert", "fails").percentage(p -> p > 2);
      coverage.check("update", "succeeds").percentage(p -> p > 10);
      coverage.check("update", "fails").percentage(p -> p > 2);
    });
  }

  /** Where every history starts, so that deep states come soon: two accounts, one of everything else. */
  private static final Tx SETUP = new Tx(List.of(
      new ModelOps.InsertAccount(true, 0, 0),
      new ModelOps.InsertAccount(true, 1, 0),
      new ModelOps.InsertContact(true, 0, 0b0001, 0),
      new ModelOps.InsertConversation(true, 0, 0, 0),
      new ModelOps.InsertInteraction(true, 0, 0, 0)), false);

  private static void replay(Store store, Universe u, List<Tx> history) {
    StoreModel model = new StoreModel();
    for (Tx t : Stream.concat(Stream.of(SETUP), history.stream()).toList()) {
      StoreModel working = model.copy();
      AtomicReference<RuntimeException> expectedFailure = new AtomicReference<>();
      try {
        store.inTransaction(tx -> {
          for (Op op : t.ops()) {
            Step step = op.resolve(working, u);
            if (step != null) {
              run(step, tx, expectedFailure);
            }
          }
          assertSameAnswers(StoreModel.answers(tx, u), working.answers(u), "inside " + t);
          if (t.abort()) {
            throw new Abort();
          }
          return null;
        });
        model = working;
      } catch (Abort e) {
        // rolled back on purpose
      } catch (RuntimeException e) {
        if (e != expectedFailure.get()) {
          throw e;
        }
      }
      Map<String, Object> committed = store.read(tx -> StoreModel.answers(tx, u));
      assertSameAnswers(committed, model.answers(u), "after " + t);
    }
  }

  /** Fails with the questions the store answered differently, if any. */
  private static void assertSameAnswers(Map<String, Object> store, Map<String, Object> model,
      String when) {
    StringBuilder wrong = new StringBuilder();
    model.forEach((question, expected) -> {
      if (!expected.equals(store.get(question))) {
        wrong.append("\n  ").append(question).append("\n    model: ").append(expected)
            .append("\n    store: ").append(store.get(question));
      }
    });
    if (wrong.length() > 0) {
      throw new AssertionError("the store answers differently from the model " + when + ":" + wrong);
    }
  }

  private static void run(Step step, StoreTransaction tx,
      AtomicReference<RuntimeException> expectedFailure) {
    Statistics.label("steps").collect(
        step.label().startsWith("insert") ? "insert" : "update",
        step.failures().isEmpty() ? "succeeds" : "fails");
    Object actual;
    try {
      actual = step.call().apply(tx);
    } catch (RuntimeException e) {
      if (step.failures().stream().anyMatch(type -> type.isInstance(e))) {
        expectedFailure.set(e);
        throw e; // a failed call ends the transaction
      }
      throw new AssertionError(step.label() + " threw " + e + "; expected "
          + (step.failures().isEmpty() ? step.expected() : step.failures()), e);
    }
    assertThat(step.failures()).as("%s returned %s but should have thrown", step.label(), actual)
        .isEmpty();
    assertThat(actual).as(step.label()).isEqualTo(step.expected());
  }

  @Provide
  Arbitrary<List<Tx>> histories() {
    Arbitrary<Tx> tx = Combinators.combine(
        operation().list().ofMinSize(1).ofMaxSize(4),
        Arbitraries.integers().between(0, 4).map(n -> n == 0))
        .as(Tx::new);
    return tx.list().ofMinSize(2).ofMaxSize(20).withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<Op> operation() {
    Arbitrary<Boolean> aimed = Arbitraries.integers().between(0, 3).map(n -> n > 0);
    Arbitrary<Integer> stale = Arbitraries.integers().between(0, 11).map(n -> n < 10 ? 0 : n - 9);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Combinators.combine(aimed, index(Universe.ACCOUNTS), index(3))
            .as(ModelOps.InsertAccount::new)),
        Tuple.of(1, Combinators.combine(aimed, index(Universe.ACCOUNTS), index(3), stale)
            .as(ModelOps.UpdateAccount::new)),
        Tuple.of(1, Combinators.combine(aimed, index(Universe.AGENTS), index(4))
            .as(ModelOps.InsertAgent::new)),
        Tuple.of(1, Combinators.combine(aimed, index(Universe.AGENTS), index(4), stale)
            .as(ModelOps.UpdateAgent::new)),
        Tuple.of(3, Combinators.combine(aimed, index(Universe.CONTACTS), index(16), index(4))
            .as(ModelOps.InsertContact::new)),
        Tuple.of(4, Combinators.combine(aimed, index(Universe.CONTACTS), index(16), index(4), stale)
            .as(ModelOps.UpdateContact::new)),
        Tuple.of(3, Combinators.combine(aimed, index(Universe.CONVERSATIONS), index(4), index(3))
            .as(ModelOps.InsertConversation::new)),
        Tuple.of(1, Combinators.combine(aimed, index(Universe.CONVERSATIONS), index(3), stale)
            .as(ModelOps.UpdateConversation::new)),
        Tuple.of(3, Combinators.combine(aimed, index(Universe.INTERACTIONS), index(3), index(3))
            .as(ModelOps.InsertInteraction::new)),
        Tuple.of(1, Combinators.combine(aimed, index(Universe.INTERACTIONS), index(3), stale)
            .as(ModelOps.UpdateInteraction::new)),
        Tuple.of(3, Combinators.combine(aimed, index(Universe.MESSAGES), index(4), index(4))
            .as(ModelOps.InsertMessage::new)),
        Tuple.of(4, Combinators.combine(aimed, index(Universe.MESSAGES), index(4), stale)
            .as(ModelOps.UpdateMessage::new)));
  }

  private static Arbitrary<Integer> index(int size) {
    return Arbitraries.integers().between(0, size - 1);
  }
}
