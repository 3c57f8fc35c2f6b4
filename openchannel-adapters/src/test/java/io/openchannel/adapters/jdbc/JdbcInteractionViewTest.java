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
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The capped total through the engine on H2: the page says when the store stopped counting. */
@DatabaseServer(TestDatabase.Engine.H2)
class JdbcInteractionViewTest {
  private static final AccountId WEB = AccountId.of("web");
  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

  private OpenChannel oc;

  @BeforeEach
  void threeCustomersWriteAboutTheirParcel() {
    oc = OpenChannel.builder().store(TestDatabase.shared(TestDatabase.Engine.H2).newEmptyStore())
        .blobStore(BlobStore.inMemory()).scheduler((delay, task) -> () -> true).build();
    oc.accounts().create(Account.of(WEB, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    for (int c = 0; c < 3; c++) {
      oc.receive(WEB, InboundMessage.text("mid-" + c, SenderProfile.of("customer-" + c, "Mia",
          "Rossi"), "Where is my parcel?", NOW.plusSeconds(c)));
    }
  }

  @AfterEach
  void close() {
    oc.close();
  }

  @Test
  void pastTheLimitThePageSaysMoreThanTheLimit() {
    Page<InteractionRow> page = oc.interactions().query(InteractionQuery.builder()
        .text("parcel").exactTotalUpTo(2).pageSize(1).build());

    assertThat(page.totalIsExact()).isFalse();
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.rows()).hasSize(1);
  }

  @Test
  void atTheLimitTheTotalIsExact() {
    Page<InteractionRow> page = oc.interactions().query(InteractionQuery.builder()
        .text("parcel").exactTotalUpTo(3).pageSize(1).build());

    assertThat(page.totalIsExact()).isTrue();
    assertThat(page.total()).isEqualTo(3);
  }
}
