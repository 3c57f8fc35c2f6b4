package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.openchannel.tck.StoreContract;
import io.openchannel.tck.StoreModelContract;
import io.openchannel.tck.TransactionContract;
import java.util.Arrays;
import net.jqwik.api.Group;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The in-memory store passes the whole {@link StoreContract}. */
class InMemoryStoreTest {

  @Test
  void extendsEverySuiteOfTheStoreContract() {
    assertThat(StoreContract.SUITES).allSatisfy(suite ->
        assertThat(Arrays.stream(InMemoryStoreTest.class.getDeclaredClasses()))
            .as("a class extending %s", suite.getSimpleName())
            .anyMatch(suite::isAssignableFrom));
  }

  @Nested
  class Repositories extends RepositoryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Lists extends ListContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Contacts extends ContactRepositoryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Conversations extends ConversationRepositoryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Interactions extends InteractionRepositoryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Messages extends MessageRepositoryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Transactions extends TransactionContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Isolation extends IsolationContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class OutboxClaims extends OutboxClaimContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Queries extends InteractionQueryContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Nested
  class Searches extends InteractionSearchContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Group
  class Scans extends InteractionScanContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Group
  class QueryModel extends InteractionQueryModelContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }

  @Group
  class Model extends StoreModelContract {
    @Override
    protected Store newStore() {
      return Store.inMemory();
    }
  }
}
