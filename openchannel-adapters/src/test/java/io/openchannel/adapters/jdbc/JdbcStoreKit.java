package io.openchannel.adapters.jdbc;

import io.openchannel.spi.store.Store;
import io.openchannel.tck.ContactRepositoryContract;
import io.openchannel.tck.ConversationRepositoryContract;
import io.openchannel.tck.InteractionQueryContract;
import io.openchannel.tck.InteractionRepositoryContract;
import io.openchannel.tck.InteractionSearchContract;
import io.openchannel.tck.IsolationContract;
import io.openchannel.tck.ListContract;
import io.openchannel.tck.MessageRepositoryContract;
import io.openchannel.tck.OutboxClaimContract;
import io.openchannel.tck.RoutingLedgerContract;
import io.openchannel.tck.RepositoryContract;
import io.openchannel.tck.TransactionContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The JUnit suites of the StoreContract kit on one database engine. A subclass per engine names
 * it, carries the {@link DatabaseServer} annotation (its check before the first test skips or
 * fails every suite here) and declares the jqwik suites itself: jqwik's skip hook finds the
 * annotation through the enclosing class, which must be the concrete one.
 */
abstract class JdbcStoreKit {
  /** The engine the kit runs on. */
  abstract TestDatabase.Engine engine();

  Store newJdbcStore() {
    return TestDatabase.shared(engine()).newEmptyStore();
  }

  /**
   * A store that probes every search word: the kit's data is too small to make words common,
   * and the probes' SQL differs by dialect and by whether a contact has the word.
   */
  Store newProbingStore() {
    return TestDatabase.shared(engine()).newEmptyStore(b -> b.searchPickLimit(0));
  }

  @Test
  void extendsEverySuiteOfTheKit() {
    KitCoverage.assertCovered(getClass());
  }

  @Nested
  class Repositories extends RepositoryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Lists extends ListContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Contacts extends ContactRepositoryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Conversations extends ConversationRepositoryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Interactions extends InteractionRepositoryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Messages extends MessageRepositoryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Transactions extends TransactionContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Isolation extends IsolationContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class OutboxClaims extends OutboxClaimContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class RoutingLedgers extends RoutingLedgerContract {
    @Override
    protected Store newStore() {
      return TestDatabase.shared(engine()).newEmptyStore(true);
    }
  }

  @Nested
  class Queries extends InteractionQueryContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class Searches extends InteractionSearchContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Nested
  class SearchesProbingEveryWord extends InteractionSearchContract {
    @Override
    protected Store newStore() {
      return newProbingStore();
    }
  }
}
