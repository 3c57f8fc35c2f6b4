package io.openchannel.internal.engine;

import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.util.Checks;
import io.openchannel.query.Criterion;
import io.openchannel.query.Cursor;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import io.openchannel.query.SearchField;
import io.openchannel.query.SortKey;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.store.InteractionSlice;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The interactions view (S15–S19): checks a query against what exists, lets the store answer
 * it, and joins each interaction with its contact, account, disposition and conversation.
 */
final class InteractionView {
  private final Transactions transactions;
  private final EngineConfig config;

  InteractionView(Transactions transactions, EngineConfig config) {
    this.transactions = transactions;
    this.config = config;
  }

  Page<InteractionRow> query(InteractionQuery query) {
    Checks.notNull(query, "query");
    checkTags(query);
    return transactions.read(tx -> {
      checkReferences(query, tx);
      InteractionSlice slice = tx.interactions().query(query);
      List<InteractionRow> rows = new ArrayList<>(slice.interactions().size());
      // What the rows show beside the interaction is read in one batch per kind, so a page
      // costs the same few statements on a database whatever its size.
      Map<ContactId, Contact> contacts = tx.contacts().findAll(distinct(slice, Interaction::contact));
      Map<AccountId, Account> accounts = tx.accounts().findAll(distinct(slice, Interaction::account));
      Map<ConversationId, Conversation> conversations =
          tx.conversations().findAll(distinct(slice, Interaction::conversation));
      for (Interaction i : slice.interactions()) {
        rows.add(row(i, contacts, accounts, conversations));
      }
      Optional<Cursor> next = Optional.empty();
      if (slice.more() && !slice.interactions().isEmpty()) {
        Interaction last = slice.interactions().get(slice.interactions().size() - 1);
        next = Optional.of(new Cursor(SortKey.of(last, query.sort()), query.fingerprint()));
      }
      return new Page<>(rows, next, slice.total(), slice.totalExact());
    });
  }

  private static <I> Set<I> distinct(InteractionSlice slice, Function<Interaction, I> id) {
    Set<I> ids = new LinkedHashSet<>();
    for (Interaction i : slice.interactions()) {
      ids.add(id.apply(i));
    }
    return ids;
  }

  private InteractionRow row(Interaction i, Map<ContactId, Contact> contacts,
      Map<AccountId, Account> accounts, Map<ConversationId, Conversation> conversations) {
    Contact contact = contacts.get(i.contact());
    if (contact == null) {
      throw new IllegalStateException("interaction " + i.id() + " has no contact " + i.contact());
    }
    Account account = accounts.get(i.account());
    if (account == null) {
      throw new IllegalStateException("interaction " + i.id() + " has no account " + i.account());
    }
    Conversation conversation = conversations.get(i.conversation());
    int unmanaged = conversation == null ? 0 : conversation.unmanagedCount();
    return new InteractionRow(i, contact, account,
        i.disposition().flatMap(d -> config.dispositions().find(d)), unmanaged);
  }

  /** An unknown account or agent would give a silently empty page: say so instead. */
  private static void checkReferences(InteractionQuery query, StoreTransaction tx) {
    for (AccountId account : query.accounts()) {
      if (tx.accounts().find(account).isEmpty()) {
        throw new InvalidInputException("unknown account " + account + " in the query; "
            + "known accounts are " + tx.accounts().list().stream().map(a -> a.id().value())
            .collect(Collectors.joining(", ")));
      }
    }
    for (AgentId agent : query.agents()) {
      if (tx.agents().find(agent).isEmpty()) {
        throw new InvalidInputException("unknown agent " + agent + " in the query; check the id");
      }
    }
  }

  private void checkTags(InteractionQuery query) {
    Set<Tag> allowed = config.allowedTags();
    if (allowed.isEmpty()) {
      return;
    }
    Set<Tag> asked = new TreeSet<>(query.tags());
    query.advanced().ifPresent(a -> {
      for (Criterion c : a.criteria()) {
        if (c.field() == SearchField.TAG) {
          c.values().forEach(v -> asked.add(Tag.of(v)));
        }
      }
    });
    for (Tag t : asked) {
      if (!allowed.contains(t)) {
        throw new InvalidInputException("unknown tag " + t + " in the query; allowed tags are "
            + new TreeSet<>(allowed).stream().map(Tag::name).collect(Collectors.joining(", ")));
      }
    }
  }
}
