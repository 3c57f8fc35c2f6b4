package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch update sets only the columns some of its rows change when the transaction knows what
 * the rows hold (it read them with {@code findAll} at the version it updates), and every column
 * otherwise: whichever column one row changes is stored, and the others' values stay.
 */
class JdbcChangedColumnsTest {
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void eachRowsChangeIsStoredWhateverTheOthersChange(TestDatabase.Engine engine) {
    TestDatabase db = TestDatabase.shared(engine);
    db.newEmptyStore();
    StatementLog log = new StatementLog();
    Store store = JdbcStore.builder(log.wrap(db.dataSource())).build();
    try (OpenChannel oc = OpenChannel.builder().store(store).blobStore(BlobStore.inMemory())
        .scheduler((d, t) -> () -> true).build()) {
      AccountId web = AccountId.of("web");
      oc.accounts().create(Account.of(web, ChannelType.GENERIC, "Website chat",
          AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
      InteractionId a = receive(oc, web, "a");
      InteractionId b = receive(oc, web, "b");
      InteractionId c = receive(oc, web, "c");

      log.clear();
      store.inTransaction(tx -> {
        Map<InteractionId, Interaction> read = tx.interactions().findAll(List.of(a, b));
        // c was not read with findAll: what it holds is not known, so all of it is written
        Interaction unknown = tx.interactions().find(c).orElseThrow();
        List<Interaction> once = tx.interactions().updateAll(List.of(
            read.get(a).withRead(true), read.get(b), unknown.withRead(true)));
        // a second batch in the same transaction starts from what the first one wrote
        return tx.interactions().updateAll(List.of(once.get(0).withTags(Set.of(Tag.of("vip"))),
            once.get(1).withRead(true)));
      });

      Map<InteractionId, Interaction> now = store.read(tx -> tx.interactions()
          .findAll(List.of(a, b, c)));
      assertThat(now.get(a).read()).isTrue();
      assertThat(now.get(a).tags()).containsExactly(Tag.of("vip"));
      assertThat(now.get(b).read()).isTrue();
      assertThat(now.get(b).tags()).isEmpty();
      assertThat(now.get(c).read()).isTrue();
      if (engine == TestDatabase.Engine.POSTGRESQL) {
        List<String> updates = log.executed().stream()
            .filter(sql -> sql.startsWith("UPDATE oc_interaction")).toList();
        assertThat(updates.get(0)).as("the first batch holds an unknown row: all columns")
            .contains("status = ", "is_read = ", "last_message = ");
        assertThat(updates).as("the second batch sets the tags and the read flag only")
            .last().asString().contains("is_read = ", "tags = ").doesNotContain("status = ");
      }
    }
  }

  private static InteractionId receive(OpenChannel oc, AccountId account, String who) {
    return oc.receive(account, InboundMessage.text("m-" + who,
        SenderProfile.of(who, "Mia", "Rossi"), "Hello", AT)).interaction().id();
  }
}
