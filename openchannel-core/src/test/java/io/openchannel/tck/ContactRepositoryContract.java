package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.withIdentities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contacts: a channel identity belongs to at most one contact, on insert and on update, and is
 * free again once its contact drops it; {@code findByIdentity} finds the contact that has the
 * identity now; {@code findByField} matches a field's value exactly and orders by id. Both see
 * the transaction's own writes.
 */
public abstract class ContactRepositoryContract extends StoreContractSupport {

  @Test
  void findByIdentityFindsTheContactThatHasIt() {
    Account account = givenAccount();
    ChannelIdentity identity = fixtures.identity(account);
    Contact contact = givenContact(fixtures.identity(account), identity);

    assertThat(find(tx -> tx.contacts().findByIdentity(identity))).contains(contact);
  }

  @Test
  void findByIdentityOfAnUnknownIdentityIsEmpty() {
    Account account = givenAccount();
    givenContact(fixtures.identity(account));

    assertThat(find(tx -> tx.contacts().findByIdentity(fixtures.identity(account)))).isEmpty();
  }

  @Test
  void theSameExternalIdOnAnotherAccountIsAnotherIdentity() {
    Account first = givenAccount();
    Account second = givenAccount();
    ChannelIdentity onFirst = fixtures.identity(first);
    ChannelIdentity onSecond = ChannelIdentity.of(second.id(), onFirst.externalId());
    Contact a = givenContact(onFirst);

    Contact b = givenContact(onSecond);

    assertThat(find(tx -> tx.contacts().findByIdentity(onFirst))).contains(a);
    assertThat(find(tx -> tx.contacts().findByIdentity(onSecond))).contains(b);
  }

  @Test
  void insertOfAContactWithATakenIdentityIsAConcurrentUpdateAndStoresNothing() {
    ChannelIdentity identity = fixtures.identity(givenAccount());
    Contact owner = givenContact(identity);
    Contact latecomer = fixtures.contact(identity);

    assertThatThrownBy(() -> inTransaction(tx -> tx.contacts().insert(latecomer)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.contacts().find(latecomer.id()))).isEmpty();
    assertThat(find(tx -> tx.contacts().findByIdentity(identity))).contains(owner);
  }

  @Test
  void twoNewContactsWithOneIdentityInOneTransactionAreAConcurrentUpdateAndStoreNothing() {
    ChannelIdentity identity = fixtures.identity(givenAccount());
    Contact first = fixtures.contact(identity);
    Contact second = fixtures.contact(identity);

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.contacts().insert(first);
      return tx.contacts().insert(second);
    })).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.contacts().find(first.id()))).isEmpty();
    assertThat(find(tx -> tx.contacts().findByIdentity(identity))).isEmpty();
  }

  @Test
  void updateThatAddsAnotherContactsIdentityIsAConcurrentUpdateAndChangesNothing() {
    Account account = givenAccount();
    ChannelIdentity taken = fixtures.identity(account);
    Contact owner = givenContact(taken);
    Contact other = givenContact(fixtures.identity(account));

    assertThatThrownBy(() -> inTransaction(tx -> tx.contacts().update(other.withIdentity(taken))))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.contacts().find(other.id()))).contains(other);
    assertThat(find(tx -> tx.contacts().findByIdentity(taken))).contains(owner);
  }

  @Test
  void updateThatKeepsTheContactsOwnIdentitiesIsAllowed() {
    Account account = givenAccount();
    ChannelIdentity identity = fixtures.identity(account);
    Contact contact = givenContact(identity);
    ChannelIdentity added = fixtures.identity(account);

    Contact updated = inTransaction(tx -> tx.contacts().update(contact.withIdentity(added)));

    assertThat(find(tx -> tx.contacts().findByIdentity(identity))).contains(updated);
    assertThat(find(tx -> tx.contacts().findByIdentity(added))).contains(updated);
  }

  @Test
  void aDroppedIdentityIsNoLongerFoundAndIsFreeForAnotherContact() {
    Account account = givenAccount();
    ChannelIdentity kept = fixtures.identity(account);
    ChannelIdentity dropped = fixtures.identity(account);
    Contact contact = givenContact(kept, dropped);

    inTransaction(tx -> tx.contacts().update(withIdentities(contact, List.of(kept))));

    assertThat(find(tx -> tx.contacts().findByIdentity(dropped))).isEmpty();
    Contact newOwner = inTransaction(tx -> tx.contacts().insert(fixtures.contact(dropped)));
    assertThat(find(tx -> tx.contacts().findByIdentity(dropped))).contains(newOwner);
  }

  @Test
  void anIdentityCanMoveFromOneContactToAnotherInOneTransaction() {
    Account account = givenAccount();
    ChannelIdentity moving = fixtures.identity(account);
    Contact from = givenContact(moving);
    Contact to = givenContact();

    Contact moved = inTransaction(tx -> {
      tx.contacts().update(withIdentities(from, List.of()));
      assertThat(tx.contacts().findByIdentity(moving)).isEmpty();
      Contact now = tx.contacts().update(to.withIdentity(moving));
      assertThat(tx.contacts().findByIdentity(moving)).contains(now);
      return now;
    });

    assertThat(find(tx -> tx.contacts().findByIdentity(moving))).contains(moved);
  }

  @Test
  void findByIdentityInsideATransactionSeesItsOwnInsert() {
    ChannelIdentity identity = fixtures.identity(givenAccount());
    Contact contact = fixtures.contact(identity);

    inTransaction(tx -> {
      tx.contacts().insert(contact);

      assertThat(tx.contacts().findByIdentity(identity)).contains(contact);
      return null;
    });
  }

  @Test
  void findByFieldMatchesTheValueExactlyAndOrdersById() {
    Contact first = fixtures.contact().withField("phone", "+3212345");
    Contact second = fixtures.contact().withField("phone", "+3212345");
    Contact prefix = fixtures.contact().withField("phone", "+321234");
    Contact otherField = fixtures.contact().withField("mobile", "+3212345");
    inTransaction(tx -> {
      tx.contacts().insert(second);
      tx.contacts().insert(otherField);
      tx.contacts().insert(prefix);
      return tx.contacts().insert(first);
    });

    assertThat(list(tx -> tx.contacts().findByField("phone", "+3212345")))
        .containsExactly(first, second);
    assertThat(list(tx -> tx.contacts().findByField("phone", "+3212"))).isEmpty();
  }

  @Test
  void findByFieldIsCaseSensitive() {
    givenContactWithField("email", "Ada@Example.com");

    assertThat(list(tx -> tx.contacts().findByField("email", "ada@example.com"))).isEmpty();
  }

  @Test
  void findByFieldFollowsUpdates() {
    Contact contact = givenContactWithField("phone", "+111");

    Contact updated = inTransaction(tx -> tx.contacts().update(contact.withField("phone", "+222")));

    assertThat(list(tx -> tx.contacts().findByField("phone", "+111"))).isEmpty();
    assertThat(list(tx -> tx.contacts().findByField("phone", "+222"))).containsExactly(updated);
  }

  @Test
  void findByFieldInsideATransactionSeesItsOwnInsertsAndUpdatesInIdOrder() {
    Contact first = fixtures.contact().withField("phone", "+111");
    Contact second = givenContactWithField("phone", "+999");
    Contact third = givenContactWithField("phone", "+111");

    inTransaction(tx -> {
      tx.contacts().insert(first);
      Contact moved = tx.contacts().update(second.withField("phone", "+111"));
      Contact away = tx.contacts().update(third.withField("phone", "+333"));

      assertThat(tx.contacts().findByField("phone", "+111")).containsExactly(first, moved);
      assertThat(tx.contacts().findByField("phone", "+333")).containsExactly(away);
      return null;
    });
  }

  @Test
  void aFailedTransactionLeavesNoIdentityOrFieldBehind() {
    Account account = givenAccount();
    ChannelIdentity added = fixtures.identity(account);
    Contact stored = givenContactWithField("phone", "+111");
    ChannelIdentity fresh = fixtures.identity(account);

    inFailedTransaction(tx -> {
      tx.contacts().insert(fixtures.contact(fresh).withField("phone", "+222"));
      tx.contacts().update(stored.withIdentity(added).withField("phone", "+333"));
    });

    assertThat(find(tx -> tx.contacts().findByIdentity(fresh))).isEmpty();
    assertThat(find(tx -> tx.contacts().findByIdentity(added))).isEmpty();
    assertThat(list(tx -> tx.contacts().findByField("phone", "+222"))).isEmpty();
    assertThat(list(tx -> tx.contacts().findByField("phone", "+333"))).isEmpty();
    assertThat(list(tx -> tx.contacts().findByField("phone", "+111"))).containsExactly(stored);
  }

  private Contact givenContactWithField(String field, String value) {
    Contact contact = fixtures.contact().withField(field, value);
    return inTransaction(tx -> tx.contacts().insert(contact));
  }
}
