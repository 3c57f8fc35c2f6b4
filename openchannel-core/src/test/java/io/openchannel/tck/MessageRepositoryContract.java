package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;
import static io.openchannel.tck.StoreFixtures.withChannelMessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Messages: one message per (account, channel message id), whether the id comes with the insert
 * or is set by an update, and an id a message gives up is free again; {@code
 * findByChannelMessageId} finds the message that has the id now; {@code listByInteraction} lists
 * the interaction's messages in insertion order (never id order), each in its latest version.
 * {@code listQueued} is the outbox: the {@code QUEUED} messages, oldest first, up to a limit. All
 * of it sees the transaction's own writes and nothing of a failed transaction.
 */
public abstract class MessageRepositoryContract extends StoreContractSupport {

  @Test
  void findByChannelMessageIdsFindsTheMessagesOfThatAccountIncludingOwnInserts() {
    Interaction interaction = givenInteraction();
    Message first = givenMessage(interaction, "cid-1");
    Message elsewhere = givenMessage(givenInteraction(), "cid-2");
    Message own = fixtures.message(interaction, "cid-3");

    java.util.Map<String, Message> found = inTransaction(tx -> {
      tx.messages().insert(own);
      return tx.messages().findByChannelMessageIds(interaction.account(),
          List.of("cid-1", "cid-2", "cid-3", "cid-4", "cid-1"));
    });

    assertThat(found).containsOnlyKeys("cid-1", "cid-3")
        .containsEntry("cid-1", first).containsEntry("cid-3", own);
    assertThat(elsewhere.account()).isNotEqualTo(interaction.account());
  }

  @Test
  void listByInteractionIsInInsertionOrderNotIdOrder() {
    Interaction interaction = givenInteraction();
    Message low = fixtures.message(interaction);
    Message middle = fixtures.message(interaction);
    Message high = fixtures.message(interaction);

    inTransaction(tx -> tx.messages().insert(high));
    inTransaction(tx -> {
      tx.messages().insert(low);
      return tx.messages().insert(middle);
    });

    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id())))
        .containsExactly(high, low, middle);
  }

  @Test
  void listByInteractionHoldsOnlyThatInteractionsMessagesInTheirLatestVersion() {
    Interaction interaction = givenInteraction();
    Message first = insert(fixtures.outbound(interaction));
    Message second = insert(fixtures.message(interaction));
    insert(fixtures.message(givenInteraction()));

    Message sent = inTransaction(tx -> tx.messages().update(
        first.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of("wamid.1"))));

    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id())))
        .containsExactly(sent, second);
    assertThat(list(tx -> tx.messages().listByInteraction(InteractionId.of("nope")))).isEmpty();
  }

  @Test
  void listByInteractionInsideATransactionAddsItsOwnInsertsAfterTheCommittedOnes() {
    Interaction interaction = givenInteraction();
    Message committed = insert(fixtures.message(interaction));
    Message own = fixtures.message(interaction);

    inTransaction(tx -> {
      tx.messages().insert(own);

      assertThat(tx.messages().listByInteraction(interaction.id())).containsExactly(committed, own);
      return null;
    });
  }

  @Test
  void findByChannelMessageIdFindsTheMessage() {
    Interaction interaction = givenInteraction();
    Message message = givenMessage(interaction, "mid.1");

    assertThat(byChannelId(interaction, "mid.1"))
        .contains(message);
    assertThat(byChannelId(interaction, "mid.2"))
        .isEmpty();
  }

  @Test
  void theSameChannelMessageIdOnAnotherAccountIsAnotherMessage() {
    Contact contact = givenContact();
    Account first = givenAccount();
    Account second = givenAccount();
    Interaction onFirstAccount = givenInteraction(givenConversation(first, contact), T0);
    Interaction onSecondAccount = givenInteraction(givenConversation(second, contact), T0);
    Message onFirst = givenMessage(onFirstAccount, "42");

    Message onSecond = givenMessage(onSecondAccount, "42");

    assertThat(find(tx -> tx.messages().findByChannelMessageId(first.id(), "42")))
        .contains(onFirst);
    assertThat(find(tx -> tx.messages().findByChannelMessageId(second.id(), "42")))
        .contains(onSecond);
  }

  @Test
  void messagesWithoutChannelMessageIdNeverClash() {
    Interaction interaction = givenInteraction();

    Message first = insert(fixtures.message(interaction));
    Message second = insert(fixtures.outbound(interaction));

    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id())))
        .containsExactly(first, second);
  }

  @Test
  void aDuplicateChannelMessageIdIsAConcurrentUpdateAndStoresNothing() {
    Interaction interaction = givenInteraction();
    Message original = givenMessage(interaction, "mid.1");
    Message redelivered = fixtures.message(interaction, "mid.1");

    assertThatThrownBy(() -> insert(redelivered)).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.messages().find(redelivered.id()))).isEmpty();
    assertThat(byChannelId(interaction, "mid.1"))
        .contains(original);
  }

  @Test
  void twoNewMessagesWithOneChannelMessageIdInOneTransactionAreAConcurrentUpdate() {
    Interaction interaction = givenInteraction();
    Message first = fixtures.message(interaction, "mid.1");
    Message second = fixtures.message(interaction, "mid.1");

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.messages().insert(first);
      return tx.messages().insert(second);
    })).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id()))).isEmpty();
  }

  @Test
  void updateThatSetsATakenChannelMessageIdIsAConcurrentUpdateAndChangesNothing() {
    Interaction interaction = givenInteraction();
    Message owner = givenMessage(interaction, "mid.1");
    Message queued = insert(fixtures.outbound(interaction));

    assertThatThrownBy(() -> inTransaction(tx -> tx.messages().update(
        queued.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of("mid.1")))))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.messages().find(queued.id()))).contains(queued);
    assertThat(byChannelId(interaction, "mid.1"))
        .contains(owner);
  }

  @Test
  void aChannelMessageIdSetByUpdateIsFoundAndTaken() {
    Interaction interaction = givenInteraction();
    Message queued = insert(fixtures.outbound(interaction));

    Message sent = inTransaction(tx -> tx.messages().update(
        queued.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of("wamid.7"))));

    assertThat(byChannelId(interaction, "wamid.7"))
        .contains(sent);
    assertThatThrownBy(() -> insert(fixtures.message(interaction, "wamid.7")))
        .isInstanceOf(ConcurrentUpdateException.class);
  }

  @Test
  void aReplacedChannelMessageIdIsNoLongerFoundAndIsFree() {
    Interaction interaction = givenInteraction();
    Message message = givenMessage(interaction, "old");

    Message replaced = inTransaction(tx ->
        tx.messages().update(withChannelMessageId(message, Optional.of("new"))));

    assertThat(byChannelId(interaction, "old")).isEmpty();
    assertThat(byChannelId(interaction, "new"))
        .contains(replaced);
    Message newcomer = insert(fixtures.message(interaction, "old"));
    assertThat(byChannelId(interaction, "old"))
        .contains(newcomer);
  }

  @Test
  void findByChannelMessageIdInsideATransactionSeesItsOwnWrites() {
    Interaction interaction = givenInteraction();
    Message committed = givenMessage(interaction, "before");
    Message own = fixtures.message(interaction, "mine");

    inTransaction(tx -> {
      tx.messages().insert(own);
      Message moved = tx.messages().update(withChannelMessageId(committed, Optional.of("after")));

      assertThat(tx.messages().findByChannelMessageId(interaction.account(), "mine")).contains(own);
      assertThat(tx.messages().findByChannelMessageId(interaction.account(), "after")).contains(moved);
      assertThat(tx.messages().findByChannelMessageId(interaction.account(), "before")).isEmpty();
      return null;
    });
  }

  @Test
  void aFailedTransactionLeavesNoMessageAndNoChannelMessageIdBehind() {
    Interaction interaction = givenInteraction();
    Message queued = insert(fixtures.outbound(interaction));
    Message lost = fixtures.message(interaction, "lost");

    inFailedTransaction(tx -> {
      tx.messages().insert(lost);
      tx.messages().update(
          queued.withDelivery(DeliveryStatus.SENT, Optional.empty(), Optional.of("sent")));
    });

    assertThat(list(tx -> tx.messages().listByInteraction(interaction.id()))).containsExactly(queued);
    assertThat(byChannelId(interaction, "lost")).isEmpty();
    assertThat(byChannelId(interaction, "sent")).isEmpty();
  }

  private Optional<Message> byChannelId(Interaction interaction, String channelMessageId) {
    return find(tx -> tx.messages().findByChannelMessageId(interaction.account(), channelMessageId));
  }

  private Message insert(Message message) {
    return inTransaction(tx -> tx.messages().insert(message));
  }

  @Test
  void listQueuedIsTheOutboxOldestFirstUpToTheLimit() {
    Interaction interaction = givenInteraction();
    Message first = insert(fixtures.outbound(interaction));
    Message second = insert(fixtures.outbound(givenInteraction()));
    Message third = insert(fixtures.outbound(interaction));
    insert(fixtures.message(interaction)); // inbound: never queued

    assertThat(list(tx -> tx.messages().listQueued(10))).containsExactly(first, second, third);
    assertThat(list(tx -> tx.messages().listQueued(2))).containsExactly(first, second);
  }

  @Test
  void aMessageLeavesTheOutboxWhenSentAndARetriedOneRejoinsAtTheEnd() {
    Interaction interaction = givenInteraction();
    Message first = insert(fixtures.outbound(interaction));
    Message second = insert(fixtures.outbound(interaction));

    Message failed = inTransaction(tx -> tx.messages().update(first.withDelivery(
        DeliveryStatus.FAILED, Optional.of("blocked"), Optional.empty())));
    assertThat(list(tx -> tx.messages().listQueued(10))).containsExactly(second);

    Message retried = inTransaction(tx -> tx.messages().update(failed.withDelivery(
        DeliveryStatus.QUEUED, Optional.empty(), Optional.empty())));
    assertThat(list(tx -> tx.messages().listQueued(10))).containsExactly(second, retried);
  }

  @Test
  void listQueuedInsideATransactionSeesItsOwnWritesAndNothingOfAFailedOne() {
    Interaction interaction = givenInteraction();
    Message committed = insert(fixtures.outbound(interaction));
    Message mine = fixtures.outbound(interaction);

    List<Message> seenInside = inTransaction(tx -> {
      tx.messages().insert(mine);
      return tx.messages().listQueued(10);
    });
    assertThat(seenInside).containsExactly(committed, mine);
    Message lost = fixtures.outbound(interaction);
    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.messages().insert(lost);
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(list(tx -> tx.messages().listQueued(10))).containsExactly(committed, mine);
  }
}
