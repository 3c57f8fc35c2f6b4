package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every suite of the {@link StoreContract}: it opens a fresh store before each test
 * and hands it back after, and gives the tests fixtures and "given" helpers.
 *
 * <p>An implementation provides {@link #newStore()} and, if it must clean up (drop a schema,
 * close a pool), {@link #dropStore(Store)}.
 *
 * <p>What the suites assume of the store beyond the SPI's Javadoc:
 * <ul>
 *   <li>Only consistent graphs are stored: every account, contact, conversation or interaction an
 *       entity refers to is stored first (in the same or an earlier transaction), so stores may
 *       enforce foreign keys.
 *   <li>After a repository call throws, the work rethrows: the kit never goes on using a
 *       transaction whose call failed, so stores need not keep such a transaction usable.
 *   <li>References that the engine never changes are never changed by an update either: a
 *       conversation's key and contact, an interaction's conversation, account and contact, a
 *       message's interaction and account.
 *   <li>When a call breaks several rules at once (an unknown id and a taken identity, say), any of
 *       the matching exceptions is accepted.
 * </ul>
 */
public abstract class StoreContractSupport {
  /** Builds records with fresh ids. */
  protected final StoreFixtures fixtures = new StoreFixtures();

  /** The store under test: fresh and empty for each test. */
  protected Store store;

  /** A new, empty store. Called once before each test (and once per try of a property). */
  protected abstract Store newStore();

  /** Releases a store made by {@link #newStore()}; called after each test. Does nothing by default. */
  protected void dropStore(Store store) {}

  @BeforeEach
  protected final void openStoreUnderTest() {
    store = newStore();
  }

  @AfterEach
  protected final void dropStoreUnderTest() {
    if (store != null) {
      dropStore(store);
      store = null;
    }
  }

  /** Thrown by a test's work to make its transaction fail. */
  protected static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Abort() {
      super("the test's work failed on purpose", null, false, false);
    }
  }

  /** Runs {@code work} in a transaction of {@link #store} that then fails, and checks that it did. */
  protected final void inFailedTransaction(Consumer<StoreTransaction> work) {
    assertThatThrownBy(() -> store.inTransaction(tx -> {
      work.accept(tx);
      throw new Abort();
    })).isInstanceOf(Abort.class);
  }

  /** Runs {@code work} in a committed transaction of {@link #store}. */
  protected final <T> T inTransaction(Function<StoreTransaction, T> work) {
    return store.inTransaction(work);
  }

  /** Runs {@code work} through {@link Store#read}. */
  protected final <T> T read(Function<StoreTransaction, T> work) {
    return store.read(work);
  }

  /** Runs a lookup through {@link Store#read}; typed so that assertions on it read well. */
  protected final <T> Optional<T> find(Function<StoreTransaction, Optional<T>> lookup) {
    return store.read(lookup);
  }

  /** Runs a listing through {@link Store#read}; typed so that assertions on it read well. */
  protected final <T> List<T> list(Function<StoreTransaction, List<T>> listing) {
    return store.read(listing);
  }

  protected final Account givenAccount() {
    Account account = fixtures.account();
    return inTransaction(tx -> tx.accounts().insert(account));
  }

  protected final Agent givenAgent() {
    Agent agent = fixtures.agent();
    return inTransaction(tx -> tx.agents().insert(agent));
  }

  /** A stored contact with these identities (their accounts must be stored). */
  protected final Contact givenContact(ChannelIdentity... identities) {
    Contact contact = fixtures.contact(identities);
    return inTransaction(tx -> tx.contacts().insert(contact));
  }

  /** A stored conversation between a new account and a new contact. */
  protected final Conversation givenConversation() {
    return givenConversation(givenAccount(), givenContact());
  }

  protected final Conversation givenConversation(Account account, Contact contact) {
    Conversation conversation = fixtures.conversation(account, contact);
    return inTransaction(tx -> tx.conversations().insert(conversation));
  }

  /** A stored interaction, started at {@link StoreFixtures#T0}, of a new conversation. */
  protected final Interaction givenInteraction() {
    return givenInteraction(givenConversation(), StoreFixtures.T0);
  }

  protected final Interaction givenInteraction(Conversation conversation, Instant startedAt) {
    Interaction interaction = fixtures.interaction(conversation, startedAt);
    return inTransaction(tx -> tx.interactions().insert(interaction));
  }

  /** A stored inbound message of {@code interaction} with that channel message id. */
  protected final Message givenMessage(Interaction interaction, String channelMessageId) {
    Message message = fixtures.message(interaction, channelMessageId);
    return inTransaction(tx -> tx.messages().insert(message));
  }
}
