package io.openchannel.internal.engine;

import io.openchannel.NotFoundException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.contact.Journey;
import io.openchannel.contact.JourneyEntry;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Interaction;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a contact's {@link Journey} inside one read transaction. */
final class JourneyReader {
  private final Dispositions dispositions;

  JourneyReader(Dispositions dispositions) {
    this.dispositions = dispositions;
  }

  Journey read(StoreTransaction tx, ContactId id) {
    Contact contact = tx.contacts().find(id).orElseThrow(() -> new NotFoundException("no contact "
        + id + "; contacts are created when they first write, or look one up with findByIdentity"));
    // A contact writes on a handful of accounts and is served by a handful of agents: remember
    // each lookup instead of repeating it per interaction.
    Map<AccountId, Account> accounts = new HashMap<>();
    Map<AgentId, String> agentNames = new HashMap<>();
    List<JourneyEntry> entries = new ArrayList<>();
    for (Interaction i : tx.interactions().listByContact(id)) {
      Account account = accounts.computeIfAbsent(i.account(),
          a -> tx.accounts().find(a).orElseThrow());
      Optional<String> firstAgentName = i.firstAgent().map(a -> agentNames.computeIfAbsent(a,
          x -> agentName(tx, x)));
      entries.add(new JourneyEntry(i.id(), account.id(), account.name(), account.type(),
          i.visibility(), i.status(), i.startedAt(), i.closedAt(), i.disposition(),
          i.disposition().map(d -> label(dispositions, d)), i.firstAgent(), firstAgentName,
          i.lastMessage(),
          messageCount(tx.messages().listByInteraction(i.id())), i.read(), i.tags()));
    }
    return new Journey(contact.id(), contact.displayName(), entries);
  }

  /** The disposition's path, or its bare id when the configuration no longer lists it. */
  static String label(Dispositions dispositions, DispositionId id) {
    return dispositions.find(id).isPresent() ? dispositions.path(id) : id.value();
  }

  static String agentName(StoreTransaction tx, AgentId id) {
    return tx.agents().find(id).map(Agent::name).orElse(id.value());
  }

  private static int messageCount(List<Message> messages) {
    int n = 0;
    for (Message m : messages) {
      if (!m.isInternalNote()) {
        n++;
      }
    }
    return n;
  }
}
