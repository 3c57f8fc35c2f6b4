package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Presence;
import io.openchannel.spi.store.StoreTransaction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link io.openchannel.spi.store.Store#inTransaction} as a whole: it returns what the work
 * returns; when the work throws anything (a runtime exception, an error, a checked exception
 * thrown sneakily, or an exception of the store itself) the same exception reaches the caller and
 * the transaction leaves no trace in any table or lookup.
 */
public abstract class TransactionContract extends StoreContractSupport {

  @Test
  void inTransactionAndReadReturnWhatTheWorkReturns() {
    Account account = givenAccount();

    String written = inTransaction(tx -> "done");
    String name = read(tx -> tx.accounts().find(account.id()).orElseThrow().name());

    assertThat(written).isEqualTo("done");
    assertThat(name).isEqualTo(account.name());
  }

  @Test
  void theWorksExceptionReachesTheCallerUnchanged() {
    Abort thrown = new Abort();

    assertThatThrownBy(() -> inTransaction(tx -> {
      throw thrown;
    })).isSameAs(thrown);
  }

  @Test
  void aFailedTransactionLeavesNoTraceInAnyTableOrLookup() {
    World world = givenWorld();
    Additions additions = additionsTo(world);
    List<Object> lookupsBefore = list(tx -> lookups(tx, world, additions));

    inFailedTransaction(tx -> writeEverywhere(tx, world, additions));

    assertThat(list(tx -> lookups(tx, world, additions))).isEqualTo(lookupsBefore);
    inTransaction(tx -> { // every id and key is still free
      writeEverywhere(tx, world, additions);
      return null;
    });
  }

  @Test
  void aStoreExceptionRollsBackTheWritesThatCameBeforeIt() {
    Conversation existing = givenConversation();
    Account account = fixtures.account();
    Conversation duplicate = fixtures.conversation(existing.key(), givenContact());

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.accounts().insert(account);
      return tx.conversations().insert(duplicate);
    })).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(find(tx -> tx.accounts().find(account.id()))).isEmpty();
  }

  @Test
  void anErrorThrownByTheWorkLeavesNoTrace() {
    Agent agent = fixtures.agent();
    AssertionError error = new AssertionError("boom");

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.agents().insert(agent);
      throw error;
    })).isSameAs(error);

    assertThat(find(tx -> tx.agents().find(agent.id()))).isEmpty();
  }

  @Test
  void aCheckedExceptionThrownSneakilyByTheWorkLeavesNoTrace() {
    Agent agent = fixtures.agent();
    IOException checked = new IOException("disk full");

    assertThatThrownBy(() -> inTransaction(tx -> {
      tx.agents().insert(agent);
      return sneakyThrow(checked);
    })).isSameAs(checked);

    assertThat(find(tx -> tx.agents().find(agent.id()))).isEmpty();
    Agent other = fixtures.agent();
    inTransaction(tx -> tx.agents().insert(other));
    assertThat(list(tx -> tx.agents().list())).containsExactly(other);
  }

  /** One stored entity of each kind, linked the way the engine links them. */
  private record World(Account account, Agent agent, ChannelIdentity identity, Contact contact,
      Conversation conversation, Interaction interaction, Message message) {}

  private World givenWorld() {
    Account account = givenAccount();
    Agent agent = givenAgent();
    ChannelIdentity identity = fixtures.identity(account);
    Contact contact = inTransaction(tx ->
        tx.contacts().insert(fixtures.contact(identity).withField("phone", "+111")));
    Conversation conversation = givenConversation(account, contact);
    Interaction interaction = givenInteraction(conversation, StoreFixtures.T0);
    Message message = givenMessage(interaction, "mid.1");
    return new World(account, agent, identity, contact, conversation, interaction, message);
  }

  /** New entities of each kind, next to a world's. */
  private record Additions(Account account, Agent agent, Contact contact, Conversation conversation,
      Interaction interaction, Interaction sibling, Message message, Message reply) {}

  private Additions additionsTo(World w) {
    Account account = fixtures.account();
    Contact contact = fixtures.contact(ChannelIdentity.of(w.account().id(), "new"))
        .withField("phone", "+111");
    Conversation conversation = fixtures.conversation(w.account(), w.contact());
    Interaction interaction = fixtures.interaction(conversation);
    return new Additions(account, fixtures.agent(), contact, conversation, interaction,
        fixtures.interaction(w.conversation()), fixtures.message(interaction, "mid.2"),
        fixtures.message(w.interaction(), "mid.3"));
  }

  /** Inserts the additions and updates each of the world's entities. */
  private static void writeEverywhere(StoreTransaction tx, World w, Additions a) {
    tx.accounts().insert(a.account());
    tx.accounts().update(w.account().withEnabled(false));
    tx.agents().insert(a.agent());
    tx.agents().update(w.agent().withPresence(Presence.PAUSED));
    tx.contacts().insert(a.contact());
    tx.contacts().update(w.contact().withIdentity(ChannelIdentity.of(w.account().id(), "more"))
        .withField("phone", "+222"));
    tx.conversations().insert(a.conversation());
    tx.conversations().update(w.conversation().withOpened(w.interaction().id(), false));
    tx.interactions().insert(a.interaction());
    tx.interactions().insert(a.sibling());
    tx.interactions().update(w.interaction().withTags(Set.of(Tag.of("vip"))));
    tx.messages().insert(a.message());
    tx.messages().insert(a.reply());
    tx.messages().update(StoreFixtures.withChannelMessageId(w.message(), Optional.of("mid.4")));
  }

  /** Everything the repositories answer about the world and the additions. */
  private static List<Object> lookups(StoreTransaction tx, World w, Additions a) {
    var account = w.account().id();
    return List.of(
        tx.accounts().list(),
        tx.agents().list(),
        tx.contacts().find(w.contact().id()),
        tx.contacts().find(a.contact().id()),
        tx.contacts().findByIdentity(w.identity()),
        tx.contacts().findByIdentity(ChannelIdentity.of(account, "more")),
        tx.contacts().findByIdentity(ChannelIdentity.of(account, "new")),
        tx.contacts().findByField("phone", "+111"),
        tx.contacts().findByField("phone", "+222"),
        tx.conversations().find(w.conversation().id()),
        tx.conversations().find(a.conversation().id()),
        tx.conversations().findByKey(w.conversation().key()),
        tx.conversations().findByKey(a.conversation().key()),
        tx.interactions().find(w.interaction().id()),
        tx.interactions().find(a.interaction().id()),
        tx.interactions().find(a.sibling().id()),
        tx.interactions().listByConversation(w.conversation().id()),
        tx.interactions().listByConversation(a.conversation().id()),
        tx.interactions().listByContact(w.contact().id()),
        tx.messages().find(w.message().id()),
        tx.messages().find(a.message().id()),
        tx.messages().find(a.reply().id()),
        tx.messages().listByInteraction(w.interaction().id()),
        tx.messages().listByInteraction(a.interaction().id()),
        tx.messages().findByChannelMessageId(account, "mid.1"),
        tx.messages().findByChannelMessageId(account, "mid.2"),
        tx.messages().findByChannelMessageId(account, "mid.3"),
        tx.messages().findByChannelMessageId(account, "mid.4"));
  }

  @SuppressWarnings("unchecked")
  private static <T, E extends Throwable> T sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
