package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a steady-state {@code receiveAll} writes (each customer already has an open interaction):
 * a conversation update, an interaction update, a message and its words per message, nothing
 * else. {@code JdbcIngestBenchmark.floorSameRows} writes exactly these rows by plain JDBC as the
 * engine's floor, so it is only a floor while this holds. Off MariaDB (whose updates go one by
 * one) a batch's writes cost the same statements whatever its size.
 */
class JdbcIngestStatementsTest {
  private static final Instant SENT = Instant.parse("2026-11-01T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aSteadyStateBatchWritesItsMessagesWordsInteractionsAndConversationsOnly(
      TestDatabase.Engine engine) {
    TestDatabase db = TestDatabase.shared(engine);
    db.newEmptyStore();
    StatementLog log = new StatementLog();
    try (OpenChannel oc = OpenChannel.builder()
        .store(JdbcStore.builder(log.wrap(db.dataSource())).build())
        .blobStore(BlobStore.inMemory()).scheduler((d, t) -> () -> true).build()) {
      AccountId web = AccountId.of("web");
      oc.accounts().create(Account.of(web, ChannelType.GENERIC, "Website chat",
          AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
      oc.receiveAll(web, batch(0, 20));

      log.clear();
      oc.receiveAll(web, batch(1, 3));
      List<String> small = writes(log.executed());
      log.clear();
      oc.receiveAll(web, batch(2, 20));
      List<String> large = writes(log.executed());

      assertThat(tables(large)).as("%s", large).containsExactly(
          "oc_conversation", "oc_interaction", "oc_message", "oc_message_word");
      if (engine != TestDatabase.Engine.MARIADB) {
        assertThat(large).isEqualTo(small).hasSize(4);
      }
    }
  }

  private static List<InboundMessage> batch(int round, int customers) {
    List<InboundMessage> b = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      // Later each round, so every conversation's last inbound time moves on.
      b.add(InboundMessage.text("m" + round + "-" + i, SenderProfile.of("c" + i, "Mia", "Rossi"),
          "Hi! Where is my order?", SENT.plusSeconds(round)));
    }
    return b;
  }

  private static List<String> writes(List<String> executed) {
    return executed.stream().filter(sql -> !sql.startsWith("SELECT")).toList();
  }

  private static Set<String> tables(List<String> writes) {
    Set<String> tables = new LinkedHashSet<>();
    for (String sql : writes) {
      String[] w = sql.toLowerCase(Locale.ROOT).split("\\s+");
      tables.add(w[0].equals("update") ? w[1] : w[2]);
    }
    return tables;
  }
}
