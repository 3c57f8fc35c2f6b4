package io.openchannel.interaction;

import io.openchannel.contact.ContactId;
import io.openchannel.message.Message;
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
}
