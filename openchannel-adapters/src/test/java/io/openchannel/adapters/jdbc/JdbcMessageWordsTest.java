package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A message's search words are rewritten when its searchable text changes, and only then: a
 * delivery status change (every outbound message goes through several) costs no statement on
 * {@code oc_message_word}.
 */
class JdbcMessageWordsTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  private final String p = "mw" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  private final AccountId account = AccountId.of(p + "-web");
  private final InteractionId interaction = InteractionId.of(p + "-int");
  private final StatementLog log = new StatementLog();
  private DataSource dataSource;

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aStatusChangeLeavesTheWordsAlone(TestDatabase.Engine engine) {
    Store store = storeWithMessages(engine, outbound("a", "Your parcel ships today"));
    List<String> before = words("a");

    log.clear();
    store.inTransaction(tx -> tx.messages().update(tx.messages().find(id("a")).orElseThrow()
        .withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of(p + "-wamid"))));

    assertThat(log.count("oc_message_word")).isZero();
    assertThat(words("a")).isEqualTo(before).contains("parcel", "ships");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aBatchOfStatusChangesLeavesTheWordsAlone(TestDatabase.Engine engine) {
    Store store = storeWithMessages(engine, outbound("a", "Your parcel ships today"),
        outbound("b", "Invoice attached"));

    log.clear();
    store.inTransaction(tx -> tx.messages().updateAll(tx.messages()
        .findAll(List.of(id("a"), id("b"))).values().stream()
        .map(m -> m.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.empty()))
        .toList()));

    assertThat(log.count("oc_message_word")).isZero();
    assertThat(words("a")).contains("parcel");
    assertThat(words("b")).contains("invoice");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aChangedTextIsIndexedAgainAlone(TestDatabase.Engine engine) {
    Store store = storeWithMessages(engine, outbound("a", "Your parcel ships today"),
        outbound("b", "Invoice attached"));

    store.inTransaction(tx -> {
      Map<MessageId, Message> stored = tx.messages().findAll(List.of(id("a"), id("b")));
      return tx.messages().updateAll(List.of(
          withText(stored.get(id("a")), "Your refund is on its way"),
          stored.get(id("b")).withDelivery(DeliveryStatus.SENT, Optional.empty(),
              Optional.empty())));
    });

    assertThat(words("a")).contains("refund").doesNotContain("parcel");
    assertThat(words("b")).contains("invoice");
    assertThat(log.count("DELETE FROM oc_message_word")).isEqualTo(1);
  }

  /**
   * What a transaction read belongs to the version it read: when another transaction changes
   * the text in between, an update at the new version whose text equals the one first read is
   * indexed anew (a memory keyed by id alone would keep the other transaction's words).
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void wordsReadBeforeSomeoneElsesChangeAreNotTrusted(TestDatabase.Engine engine) {
    Store store = storeWithMessages(engine, outbound("a", "Your parcel ships today"));

    store.inTransaction(tx -> {
      Message read = tx.messages().find(id("a")).orElseThrow();
      Message changed = store.inTransaction(other -> other.messages().update(
          withText(other.messages().find(id("a")).orElseThrow(), "Your refund is on its way")));
      return tx.messages().update(withText(changed, read.text()));
    });

    assertThat(words("a")).contains("parcel").doesNotContain("refund");
  }

  private Store storeWithMessages(TestDatabase.Engine engine, Message... messages) {
    TestDatabase db = TestDatabase.shared(engine);
    db.newEmptyStore();
    dataSource = db.dataSource();
    Store store = JdbcStore.builder(log.wrap(dataSource)).build();
    ConversationKey key = new ConversationKey(account, "cust-1", Visibility.PRIVATE,
        Optional.empty());
    Contact contact = new Contact(ContactId.of(p + "-mia"), Optional.of("Mia"), Optional.empty(),
        Map.of(), Set.of(ChannelIdentity.of(account, "cust-1")), AT, 0);
    Conversation conversation = Conversation.start(ConversationId.of(p + "-cnv"), key,
        contact.id(), AT).withOpened(interaction, false);
    store.inTransaction(tx -> {
      tx.accounts().insert(Account.of(account, ChannelType.GENERIC, "Web",
          AccountSettings.defaults()));
      tx.contacts().insert(contact);
      tx.conversations().insert(conversation);
      tx.interactions().insert(Interaction.open(interaction, conversation, Direction.IN, AT));
      return tx.messages().insertAll(List.of(messages));
    });
    return store;
  }

  private MessageId id(String name) {
    return MessageId.of(p + "-" + name);
  }

  private Message outbound(String name, String text) {
    return new Message(id(name), interaction, account, Direction.OUT, MessageKind.TEXT, text,
        Optional.empty(), Optional.empty(), false, false, Optional.empty(),
        Optional.of(DeliveryStatus.QUEUED), Optional.empty(), Optional.empty(), Optional.empty(),
        AT, 0);
  }

  private static Message withText(Message m, String text) {
    return new Message(m.id(), m.interaction(), m.account(), m.direction(), m.kind(), text,
        m.attachment(), m.author(), m.autoReply(), m.canned(), m.channelMessageId(),
        m.deliveryStatus(), m.failureReason(), m.template(), m.sendTerms(), m.createdAt(),
        m.version());
  }

  /** The stored words of message {@code name}, read past the store. */
  private List<String> words(String name) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT word FROM oc_message_word WHERE message_id = ? ORDER BY word")) {
      ps.setString(1, id(name).value());
      List<String> words = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          words.add(rs.getString(1));
        }
      }
      return words;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
