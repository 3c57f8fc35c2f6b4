package io.openchannel.interaction;

import io.openchannel.contact.ContactId;
import io.openchannel.message.Message;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import java.util.List;
import java.util.Optional;

/** Read access to conversations, interactions and their messages. Thread-safe. */
public interface Interactions {
  /** The interaction, if it exists. */
  Optional<Interaction> find(InteractionId id);

  /**
   * The interaction.
   *
   * @throws io.openchannel.NotFoundException if there is no such interaction
   */
  Interaction get(InteractionId id);

  /**
   * The interaction's messages in the order they were stored, internal notes and auto-replies
   * included (S21).
   *
   * @throws io.openchannel.NotFoundException if there is no such interaction
   */
  List<Message> messages(InteractionId id);

  /**
   * The conversation.
   *
   * @throws io.openchannel.NotFoundException if there is no such conversation
   */
  Conversation conversation(ConversationId id);

  /** The conversation with that key, if any. */
  Optional<Conversation> findConversation(ConversationKey key);

  /** The conversation's interactions, newest first. */
  List<Interaction> ofConversation(ConversationId id);

  /** The contact's interactions across every account, newest first (the journey, S9). */
  List<Interaction> ofContact(ContactId id);

  /**
   * One page of the interactions view (S15–S19, S24): the interactions that match the query's
   * filters and search, in its order, after its cursor, each with its contact, account,
   * disposition and its conversation's count of unmanaged interactions, and the total number of
   * matches. Follow {@link Page#next()} with {@link InteractionQuery#after} for the next page;
   * {@link InteractionQuery} says what a scan of pages guarantees while interactions change.
   *
   * <pre>{@code
   * Page<InteractionRow> page = oc.interactions().query(InteractionQuery.builder()
   *     .status(InteractionStatus.OPEN).read(false).accounts(AccountId.of("fb-shop"))
   *     .text("parcel").build());
   * }</pre>
   *
   * @throws io.openchannel.InvalidInputException if the query names an account or agent that
   *     does not exist, or a tag outside the builder's allowed tags (bad ranges, page sizes and
   *     cursors are refused when the query is built)
   */
  Page<InteractionRow> query(InteractionQuery query);
}
