package io.openchannel.spi.store;

import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.query.InteractionQuery;
import java.util.List;

/** Interactions. */
public interface InteractionRepository extends Repository<InteractionId, Interaction> {
  /** The conversation's interactions, newest start first (ties: newest insert first). */
  List<Interaction> listByConversation(ConversationId conversation);

  /** The contact's interactions on every account, newest start first (ties: newest insert first). */
  List<Interaction> listByContact(ContactId contact);

  /**
   * One page of the interactions view (S15–S18), answered by the store so that it can use its
   * indexes. The engine has already checked the query (accounts exist, tags allowed, the
   * cursor belongs to it), so the store only answers it. Checked by the kit's
   * {@code InteractionQueryContract}.
   *
   * <p><b>Matching.</b> An interaction matches when every filter the query sets holds (see
   * {@link InteractionQuery}): {@code startedFrom <= startedAt < startedBefore}; {@code read};
   * {@code status}; account in {@code accounts}; first agent in {@code agents} (an interaction
   * without first agent never matches a non-empty set); tags by {@code tagMatch} (any: shares one
   * tag; all: has every one); every word of {@link InteractionQuery#textWords()} is a prefix of
   * a word of its searchable text, both cut by {@link io.openchannel.query.SearchText} (its class
   * comment says what the searchable text is: contact names, field values and identities,
   * message texts but not auto-replies, attachment file names); the advanced search's criteria
   * joined by AND or OR, each as {@link io.openchannel.query.Operator} and
   * {@link io.openchannel.query.SearchField} define it.
   *
   * <p><b>Order.</b> By {@link io.openchannel.query.SortKey}: the sort time
   * ({@link io.openchannel.query.SortKey#timeOf}: the last message's time, or the start time when
   * there is no last message or the sort is {@code STARTED}) descending, then the interaction id
   * descending as {@link InteractionId#compareTo} compares (UTF-16 order; a SQL store needs a
   * binary collation on the id). Instants compare exactly, to the nanosecond.
   *
   * <p><b>Cursor.</b> {@code query.after()}, when present, holds the key of the previous page's
   * last row; the answer holds only interactions whose key is strictly after it in this order,
   * as they are now (the row named may since have moved or gone). Ignore its fingerprint.
   *
   * <p><b>Page and count.</b> {@link InteractionSlice#interactions()}: the first
   * {@code min(pageSize, n)} matching interactions after the cursor, each in its latest committed
   * version; {@link InteractionSlice#more()}: whether more follow; {@link InteractionSlice#total()}:
   * how many interactions match the filters, cursor and page size ignored. Rows, more and total
   * come from one consistent snapshot.
   *
   * <p><b>Capped count.</b> When at most {@link InteractionQuery#exactTotalUpTo()} interactions
   * match, the total is exact ({@link InteractionSlice#totalExact()} true). When more match, the
   * store may stop counting: it then answers {@code totalExact} false and a total that is at
   * least {@code exactTotalUpTo} and at least the rows returned, and at most the true count. A
   * store that always counts exactly (the in-memory one) answers true.
   *
   * <p>The engine calls it only inside {@link Store#read}; inside a transaction that wrote, what
   * it sees of that transaction's own writes is unspecified.
   *
   * @throws UnsupportedOperationException by default: a store that predates the interactions
   *     view does not answer queries (and fails the kit)
   */
  default InteractionSlice query(InteractionQuery query) {
    throw new UnsupportedOperationException(getClass().getName()
        + " does not answer interaction queries; implement InteractionRepository.query and pass "
        + "the kit's InteractionQueryContract");
  }
}
