package io.openchannel.spi.store;

import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import java.util.List;

/** Interactions. */
public interface InteractionRepository extends Repository<InteractionId, Interaction> {
  /** The conversation's interactions, newest start first (ties: newest insert first). */
  List<Interaction> listByConversation(ConversationId conversation);

  /** The contact's interactions on every account, newest start first (ties: newest insert first). */
  List<Interaction> listByContact(ContactId contact);
}
