package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page of the interactions view costs the same statements whatever its size: the contacts,
 * accounts and conversations its rows show are read in one batch each, never row by row.
 */
class JdbcInteractionViewStatementsTest {
  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
  private static final int CUSTOMERS = 12;

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aLongPageCostsWhatAShortOneCosts(TestDatabase.Engine engine) {
    TestDatabase db = TestDatabase.shared(engine);
    db.newEmptyStore();
    StatementLog log = new StatementLog();
    Store store = JdbcStore.builder(log.wrap(db.dataSource())).build();
    try (OpenChannel oc = customersWhoWrote(store, AccountId.of("web"), AccountId.of("shop"))) {
      log.clear();
      Page<InteractionRow> one = oc.interactions().query(InteractionQuery.builder()
          .pageSize(1).build());
      int shortPage = log.executed().size();
      log.clear();
      Page<InteractionRow> all = oc.interactions().query(InteractionQuery.builder()
          .pageSize(CUSTOMERS).build());
      int longPage = log.executed().size();

      assertThat(one.rows()).hasSize(1);
      assertThat(all.rows()).hasSize(CUSTOMERS);
      assertThat(longPage).as("statements of a page of %d, %s", CUSTOMERS, log.executed())
          .isEqualTo(shortPage);
      for (InteractionRow row : all.rows()) {
        assertThat(row.contact()).isEqualTo(store.read(tx -> tx.contacts()
            .find(row.interaction().contact()).orElseThrow()));
        assertThat(row.account().id()).isEqualTo(row.interaction().account());
      }
    }
  }

  private static OpenChannel customersWhoWrote(Store store, AccountId... accounts) {
    OpenChannel oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).build();
    for (AccountId account : accounts) {
      oc.accounts().create(Account.of(account, ChannelType.GENERIC, "Chat " + account.value(),
          AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    }
    for (int c = 0; c < CUSTOMERS; c++) {
      oc.receive(accounts[c % accounts.length], InboundMessage.text("mid-" + c,
          SenderProfile.of("customer-" + c, "Mia", "Rossi " + c), "Where is my parcel?",
          NOW.plusSeconds(c)));
    }
    return oc;
  }
}
