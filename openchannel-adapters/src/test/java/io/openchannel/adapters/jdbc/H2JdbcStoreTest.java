package io.openchannel.adapters.jdbc;

import io.openchannel.spi.store.Store;
import io.openchannel.tck.ContactRepositoryContract;
import io.openchannel.tck.ConversationRepositoryContract;
import io.openchannel.tck.InteractionQueryContract;
import io.openchannel.tck.InteractionQueryModelContract;
import io.openchannel.tck.InteractionRepositoryContract;
import io.openchannel.tck.InteractionScanContract;
import io.openchannel.tck.InteractionSearchContract;
import io.openchannel.tck.IsolationContract;
import io.openchannel.tck.ListContract;
import io.openchannel.tck.MessageRepositoryContract;
import io.openchannel.tck.OutboxClaimContract;
import io.openchannel.tck.RepositoryContract;
import io.openchannel.tck.StoreModelContract;
import io.openchannel.tck.TransactionContract;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The whole StoreContract kit on H2 (in memory). */
@DatabaseServer(TestDatabase.Engine.H2)
class H2JdbcStoreTest {
  static Store newJdbcStore() {
    return TestDatabase.shared(TestDatabase.Engine.H2).newEmptyStore();
  }

  @Test
  void extendsEverySuiteOfTheKit() {
    KitCoverage.assertCovered(H2JdbcStoreTest.class);
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

  @Group
  @AddLifecycleHook(DatabaseServer.JqwikCheck.class)
  class Model extends StoreModelContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
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

  @Group
  @AddLifecycleHook(DatabaseServer.JqwikCheck.class)
  class Scans extends InteractionScanContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }

  @Group
  @AddLifecycleHook(DatabaseServer.JqwikCheck.class)
  class QueryModel extends InteractionQueryModelContract {
    @Override
    protected Store newStore() {
      return newJdbcStore();
    }
  }
}
