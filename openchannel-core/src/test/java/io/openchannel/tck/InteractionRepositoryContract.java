package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.T0;
import static io.openchannel.tck.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Interactions: {@code listByConversation} and {@code listByContact} (the contact's journey on
 * every account) hold exactly the matching interactions, newest start first and, for equal
 * starts, newest insert first (never id order), each in its latest version, including the
 * transaction's own writes and nothing of a failed transaction.
 */
public abstract class InteractionRepositoryContract extends StoreContractSupport {

  @Test
  void listByConversationIsNewestStartFirst() {
    Conversation conversation = givenConversation();
    Interaction first = givenInteraction(conversation, at(1));
    Interaction third = givenInteraction(conversation, at(3));
    Interaction second = givenInteraction(conversation, at(2));

    assertThat(list(tx -> tx.interactions().listByConversation(conversation.id())))
        .containsExactly(third, second, first);
  }

  @Test
  void equalStartsAreListedNewestInsertFirstNotById() {
    Conversation conversation = givenConversation();
    Interaction low = fixtures.interaction(conversation, T0);
    Interaction middle = fixtures.interaction(conversation, T0);
    Interaction high = fixtures.interaction(conversation, T0);

    inTransaction(tx -> tx.interactions().insert(high));
    inTransaction(tx -> {
      tx.interactions().insert(low);
      return tx.interactions().insert(middle);
    });

    assertThat(list(tx -> tx.interactions().listByConversation(conversation.id())))
        .containsExactly(middle, low, high);
    assertThat(list(tx -> tx.interactions().listByContact(conversation.contact())))
        .containsExactly(middle, low, high);
  }

  @Test
  void listByConversationHoldsOnlyThatConversationsInteractions() {
    Conversation conversation = givenConversation();
    Interaction mine = givenInteraction(conversation, T0);
    givenInteraction(givenConversation(), at(1));

    assertThat(list(tx -> tx.interactions().listByConversation(conversation.id())))
        .containsExactly(mine);
  }

  @Test
  void listsOfUnknownConversationsAndContactsAreEmpty() {
    givenInteraction();
    Contact withoutInteractions = givenContact();

    assertThat(list(tx -> tx.interactions().listByConversation(ConversationId.of("nope"))))
        .isEmpty();
    assertThat(list(tx -> tx.interactions().listByContact(withoutInteractions.id()))).isEmpty();
  }

  @Test
  void listByContactSpansEveryAccountAndOnlyThatContact() {
    Contact contact = givenContact();
    Conversation onFirst = givenConversation(givenAccount(), contact);
    Conversation onSecond = givenConversation(givenAccount(), contact);
    Interaction oldest = givenInteraction(onFirst, at(1));
    Interaction newest = givenInteraction(onFirst, at(5));
    Interaction middle = givenInteraction(onSecond, at(3));
    givenInteraction(givenConversation(), at(4));

    assertThat(list(tx -> tx.interactions().listByContact(contact.id())))
        .containsExactly(newest, middle, oldest);
  }

  @Test
  void listsShowTheLatestVersionOfEachInteraction() {
    Conversation conversation = givenConversation();
    Interaction older = givenInteraction(conversation, at(1));
    Interaction newer = givenInteraction(conversation, at(2));

    Interaction tagged = inTransaction(tx ->
        tx.interactions().update(older.withTags(Set.of(Tag.of("vip")))));

    assertThat(list(tx -> tx.interactions().listByConversation(conversation.id())))
        .containsExactly(newer, tagged);
    assertThat(list(tx -> tx.interactions().listByContact(conversation.contact())))
        .containsExactly(newer, tagged);
  }

  @Test
  void listsInsideATransactionIncludeItsOwnWritesInOrder() {
    Conversation conversation = givenConversation();
    Interaction committedAtT0 = givenInteraction(conversation, T0);
    Interaction committedAt2 = givenInteraction(conversation, at(2));
    Interaction ownAtT0 = fixtures.interaction(conversation, T0);
    Interaction ownAt1 = fixtures.interaction(conversation, at(1));

    inTransaction(tx -> {
      tx.interactions().insert(ownAtT0);
      tx.interactions().insert(ownAt1);
      Interaction read = tx.interactions().update(committedAtT0.withRead(true));

      assertThat(tx.interactions().listByConversation(conversation.id()))
          .containsExactly(committedAt2, ownAt1, ownAtT0, read);
      assertThat(tx.interactions().listByContact(conversation.contact()))
          .containsExactly(committedAt2, ownAt1, ownAtT0, read);
      return null;
    });
  }

  @Test
  void aFailedTransactionLeavesNoInteractionInTheLists() {
    Conversation conversation = givenConversation();
    Interaction kept = givenInteraction(conversation, T0);
    Interaction lost = fixtures.interaction(conversation, at(1));

    inFailedTransaction(tx -> {
      tx.interactions().insert(lost);
      tx.interactions().update(kept.withRead(true));
    });

    assertThat(list(tx -> tx.interactions().listByConversation(conversation.id())))
        .containsExactly(kept);
    assertThat(list(tx -> tx.interactions().listByContact(conversation.contact())))
        .containsExactly(kept);
  }
}
