package io.openchannel.adapters.jdbc;

import io.openchannel.spi.store.Store;
import io.openchannel.tck.InteractionQueryModelContract;
import io.openchannel.tck.InteractionScanContract;
import io.openchannel.tck.StoreModelContract;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The whole StoreContract kit on MariaDB. */
@DatabaseServer(TestDatabase.Engine.MARIADB)
class MariaDbJdbcStoreTest extends JdbcStoreKit {
  @Override
  TestDatabase.Engine engine() {
    return TestDatabase.Engine.MARIADB;
  }

  @Group
  @AddLifecycleHook(DatabaseServer.JqwikCheck.class)
  class Model extends StoreModelContract {
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

  @Group
  @AddLifecycleHook(DatabaseServer.JqwikCheck.class)
  class QueryModelProbingEveryWord extends InteractionQueryModelContract {
    @Override
    protected Store newStore() {
      return newProbingStore();
    }
  }
}
