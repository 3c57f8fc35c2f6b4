package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conversations: one conversation per {@link ConversationKey} (account, address, visibility and
 * thread all count); {@code findByKey} finds it in its latest version and sees the transaction's
 * own inserts.
 */
public abstract class ConversationRepositoryContract extends StoreContractSupport {

  @Test
  void findByKeyFindsTheConversation() {
    Conversation conversation = givenConversation();

    assertThat(find(tx -> tx.conversations().findByKey(conversation.key()))).contains(conversation);
  }

  @Test
  void findByKeyOfAnUnknownKeyIsEmpty() {
    Account account = givenAccount();
    givenConversation(account, givenContact());

    assertThat(find(tx -> tx.conversations().findByKey(
        ConversationKey.direct(account.id(), "nobody")))).isEmpty();
  }

  @Test
  void aSecondConversationWithTheSameKeyIsAConcurrentUpdateAndStoresNothing() {
    Conversation first = givenConversation();
    Contact contact = givenContact();
    Conversation second = fixtures.conversation(first.key(), contact);

    assertThatThrownBy(() -> inTransaction(tx -> tx.conversations().insert(second)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.conversations().find(second.id()))).isEmpty();
    assertThat(find(tx -> tx.conversations().findByKey(first.key()))).contains(first);
  }

  @Test
  void twoNewConversationsWithOneKeyInOneTransactionAreAConcurrentUpdateAndStoreNothing() {
    Account account = givenAccount();
    Contact contact = givenContact();
    ConversationKey key = ConversationKey.direct(account.id(), "psid-1");
    Conversation first = fixtures.conversation(key, contact);
    Conversation second = fixtures.conversation(key, contact);

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.conversations().insert(first);
      return tx.conversations().insert(second);
    })).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.conversations().findByKey(key))).isEmpty();
  }

  @Test
  void keysThatDifferOnlyInVisibilityOrThreadAreDifferentConversations() {
    Account account = givenAccount();
    Contact contact = givenContact();
    ConversationKey direct = ConversationKey.direct(account.id(), "psid-1");
    ConversationKey publicKey =
        new ConversationKey(account.id(), "psid-1", Visibility.PUBLIC, Optional.empty());
    ConversationKey threadA =
        new ConversationKey(account.id(), "psid-1", Visibility.PUBLIC, Optional.of("post-a"));
    ConversationKey threadB =
        new ConversationKey(account.id(), "psid-1", Visibility.PUBLIC, Optional.of("post-b"));

    Conversation[] stored = inTransaction(tx -> new Conversation[] {
        tx.conversations().insert(fixtures.conversation(direct, contact)),
        tx.conversations().insert(fixtures.conversation(publicKey, contact)),
        tx.conversations().insert(fixtures.conversation(threadA, contact)),
        tx.conversations().insert(fixtures.conversation(threadB, contact))});

    assertThat(find(tx -> tx.conversations().findByKey(direct))).contains(stored[0]);
    assertThat(find(tx -> tx.conversations().findByKey(publicKey))).contains(stored[1]);
    assertThat(find(tx -> tx.conversations().findByKey(threadA))).contains(stored[2]);
    assertThat(find(tx -> tx.conversations().findByKey(threadB))).contains(stored[3]);
  }

  @Test
  void findByKeysFindsExactlyTheKeysAskedForIncludingOwnInserts() {
    Account account = givenAccount();
    Contact contact = givenContact();
    ConversationKey direct = ConversationKey.direct(account.id(), "psid-1");
    ConversationKey threadA =
        new ConversationKey(account.id(), "psid-1", Visibility.PUBLIC, Optional.of("post-a"));
    ConversationKey other = ConversationKey.direct(account.id(), "psid-2");
    ConversationKey unknown = ConversationKey.direct(account.id(), "psid-3");
    ConversationKey elsewhere = ConversationKey.direct(givenAccount().id(), "psid-1");
    Conversation[] stored = inTransaction(tx -> new Conversation[] {
        tx.conversations().insert(fixtures.conversation(direct, contact)),
        tx.conversations().insert(fixtures.conversation(threadA, contact)),
        tx.conversations().insert(fixtures.conversation(elsewhere, contact))});

    Map<ConversationKey, Conversation> found = inTransaction(tx -> {
      Conversation own = tx.conversations().insert(fixtures.conversation(other, contact));
      Map<ConversationKey, Conversation> all =
          tx.conversations().findByKeys(List.of(direct, other, unknown, elsewhere));
      assertThat(all).containsEntry(other, own);
      return all;
    });

    assertThat(found).containsOnlyKeys(direct, other, elsewhere)
        .containsEntry(direct, stored[0]).containsEntry(elsewhere, stored[2]);
  }

  @Test
  void theSameAddressOnAnotherAccountIsAnotherConversation() {
    Contact contact = givenContact();
    ConversationKey onFirst = ConversationKey.direct(givenAccount().id(), "+3212345");
    ConversationKey onSecond = ConversationKey.direct(givenAccount().id(), "+3212345");
    Conversation first = inTransaction(tx ->
        tx.conversations().insert(fixtures.conversation(onFirst, contact)));

    Conversation second = inTransaction(tx ->
        tx.conversations().insert(fixtures.conversation(onSecond, contact)));

    assertThat(find(tx -> tx.conversations().findByKey(onFirst))).contains(first);
    assertThat(find(tx -> tx.conversations().findByKey(onSecond))).contains(second);
  }

  @Test
  void findByKeyReturnsTheLatestVersion() {
    Conversation conversation = givenConversation();
    Conversation counted = new Conversation(conversation.id(), conversation.key(),
        conversation.contact(), Optional.empty(), 3, 1, conversation.createdAt(), Optional.empty(), 0, 0);

    Conversation updated = inTransaction(tx -> tx.conversations().update(counted));

    assertThat(find(tx -> tx.conversations().findByKey(conversation.key()))).contains(updated);
  }

  @Test
  void findByKeyInsideATransactionSeesItsOwnInsert() {
    Conversation conversation = fixtures.conversation(givenAccount(), givenContact());

    inTransaction(tx -> {
      tx.conversations().insert(conversation);

      assertThat(tx.conversations().findByKey(conversation.key())).contains(conversation);
      return null;
    });
  }

  @Test
  void aFailedTransactionLeavesItsKeyFree() {
    Account account = givenAccount();
    Contact contact = givenContact();
    Conversation lost = fixtures.conversation(account, contact);

    inFailedTransaction(tx -> tx.conversations().insert(lost));

    assertThat(find(tx -> tx.conversations().findByKey(lost.key()))).isEmpty();
    Conversation kept = fixtures.conversation(lost.key(), contact);
    Conversation inserted = inTransaction(tx -> tx.conversations().insert(kept));
    assertThat(inserted).isEqualTo(kept);
  }
}
