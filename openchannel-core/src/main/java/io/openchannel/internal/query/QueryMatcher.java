package io.openchannel.internal.query;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Message;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.Join;
import io.openchannel.query.SearchText;
import io.openchannel.query.TagMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks one interaction against a query, filter by filter, exactly as
 * {@link io.openchannel.spi.store.InteractionRepository#query} defines matching. The in-memory
 * store uses it for what its indexes do not answer; it is also the reference to compare with.
 */
public final class QueryMatcher {
  private final InteractionQuery query;
  private final Function<Interaction, Contact> contactOf;
  private final Function<Interaction, List<Message>> messagesOf;

  /**
   * @param contactOf the interaction's contact
   * @param messagesOf the interaction's messages (read only when text needs them)
   */
  public QueryMatcher(InteractionQuery query, Function<Interaction, Contact> contactOf,
      Function<Interaction, List<Message>> messagesOf) {
    this.query = query;
    this.contactOf = contactOf;
    this.messagesOf = messagesOf;
  }

  /** Whether every filter of the query holds. */
  public boolean matches(Interaction i) {
    return matchesFilters(i) && matchesText(i) && matchesAdvanced(i);
  }

  /** The plain filters: start range, read, status, accounts, agents, tags. */
  public boolean matchesFilters(Interaction i) {
    if (query.startedFrom().isPresent() && i.startedAt().isBefore(query.startedFrom().get())) {
      return false;
    }
    if (query.startedBefore().isPresent() && !i.startedAt().isBefore(query.startedBefore().get())) {
      return false;
    }
    if (query.read().isPresent() && query.read().get() != i.read()) {
      return false;
    }
    if (query.status().isPresent() && query.status().get() != i.status()) {
      return false;
    }
    if (!query.accounts().isEmpty() && !query.accounts().contains(i.account())) {
      return false;
    }
    if (!query.agents().isEmpty()
        && (i.firstAgent().isEmpty() || !query.agents().contains(i.firstAgent().get()))) {
      return false;
    }
    return matchesTags(i);
  }

  private boolean matchesTags(Interaction i) {
    if (query.tags().isEmpty()) {
      return true;
    }
    if (query.tagMatch() == TagMatch.ALL) {
      return i.tags().containsAll(query.tags());
    }
    for (Tag t : query.tags()) {
      if (i.tags().contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Free-text search. */
  public boolean matchesText(Interaction i) {
    return query.textWords().isEmpty() || SearchText.matches(query.textWords(),
        Searchable.words(contactOf.apply(i), messagesOf.apply(i)));
  }

  /** Advanced search. */
  public boolean matchesAdvanced(Interaction i) {
    if (query.advanced().isEmpty()) {
      return true;
    }
    AdvancedSearch search = query.advanced().get();
    boolean and = search.join() == Join.AND;
    for (Criterion c : search.criteria()) {
      if (holds(c, i) != and) {
        return !and;
      }
    }
    return and;
  }

  private boolean holds(Criterion c, Interaction i) {
    return switch (c.field()) {
      case STATUS -> one(c, Optional.of(i.status().name()));
      case READ -> one(c, Optional.of(Boolean.toString(i.read())));
      case ACCOUNT -> one(c, Optional.of(i.account().value()));
      case AGENT -> one(c, i.firstAgent().map(a -> a.value()));
      case OWNER -> one(c, i.owner().map(a -> a.value()));
      case DISPOSITION -> one(c, i.disposition().map(d -> d.value()));
      case VISIBILITY -> one(c, Optional.of(i.visibility().name()));
      case ORIGIN -> one(c, Optional.of(i.origin().name()));
      case CONTACT -> one(c, Optional.of(i.contact().value()));
      case LAST_MESSAGE_DIRECTION -> one(c, i.lastMessage().map(m -> m.direction().name()));
      case TAG -> many(c, i.tags().stream().map(Tag::name).toList(), false);
      case STARTED_AT -> time(c, Optional.of(i.startedAt()));
      case CLOSED_AT -> time(c, i.closedAt());
      case LAST_MESSAGE_AT -> time(c, i.lastMessage().map(m -> m.at()));
      case CONTACT_NAME -> many(c, optionalList(Searchable.contactName(contactOf.apply(i))), true);
      case CONTACT_IDENTIFIER -> many(c, contactOf.apply(i).identities().stream()
          .map(ChannelIdentity::externalId).toList(), true);
      case MESSAGE_TEXT -> many(c, messageTexts(i), true);
    };
  }

  private List<String> messageTexts(Interaction i) {
    List<String> texts = new ArrayList<>();
    for (Message m : messagesOf.apply(i)) {
      if (Searchable.counts(m) && !m.text().isEmpty()) {
        texts.add(m.text());
      }
    }
    return texts;
  }

  private static List<String> optionalList(String value) {
    return value == null ? List.of() : List.of(value);
  }

  /** A single-valued field, compared exactly. */
  private static boolean one(Criterion c, Optional<String> value) {
    return many(c, value.map(List::of).orElse(List.of()), false);
  }

  /**
   * A field with zero or more values: positive operators hold when some value matches,
   * NOT_EQUALS when none is equal. Text is compared normalised.
   */
  private static boolean many(Criterion c, List<String> values, boolean text) {
    List<String> wanted = text ? c.values().stream().map(SearchText::normalize).toList() : c.values();
    List<String> have = text ? values.stream().map(SearchText::normalize).toList() : values;
    return switch (c.operator()) {
      case PRESENT -> !have.isEmpty();
      case ABSENT -> have.isEmpty();
      case EQUALS, IN -> have.stream().anyMatch(wanted::contains);
      case NOT_EQUALS -> have.stream().noneMatch(wanted::contains);
      case CONTAINS -> have.stream().anyMatch(h -> h.contains(wanted.get(0)));
      case STARTS_WITH -> have.stream().anyMatch(h -> h.startsWith(wanted.get(0)));
      case BEFORE, AFTER -> throw new IllegalStateException("not a time field: " + c);
    };
  }

  private static boolean time(Criterion c, Optional<Instant> value) {
    return switch (c.operator()) {
      case PRESENT -> value.isPresent();
      case ABSENT -> value.isEmpty();
      case BEFORE -> value.isPresent() && value.get().isBefore(c.instant());
      case AFTER -> value.isPresent() && !value.get().isBefore(c.instant());
      default -> throw new IllegalStateException("not a time operator: " + c);
    };
  }
}
