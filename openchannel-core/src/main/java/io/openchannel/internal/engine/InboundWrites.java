package io.openchannel.internal.engine;

import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.spi.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writes of an inbound batch, held back and sent with the repositories' batch methods. Each
 * change gets the version a direct {@code update} would have returned, so the batch's results
 * carry the versions the store holds after commit. The flush order keeps references valid:
 * interactions exist before the messages that point at them.
 */
final class InboundWrites {
  private final Map<InteractionId, Interaction> interactions;
  private final List<Interaction> newInteractions = new ArrayList<>();
  private final List<Conversation> conversationUpdates = new ArrayList<>();
  private final List<Interaction> interactionUpdates = new ArrayList<>();
  private final List<Message> newMessages = new ArrayList<>();

  /** @param interactions the interactions the batch may touch, as read at its start */
  InboundWrites(Map<InteractionId, Interaction> interactions) {
    this.interactions = interactions;
  }

  /** The interaction as the batch has left it so far. */
  Interaction interaction(Transactions.Work work, InteractionId id) {
    Interaction known = interactions.get(id);
    if (known == null) {
      known = Engine.requireInteraction(work, id);
      interactions.put(id, known);
    }
    return known;
  }

  Interaction insert(Interaction interaction) {
    newInteractions.add(interaction);
    interactions.put(interaction.id(), interaction);
    return interaction;
  }

  Message insert(Message message) {
    newMessages.add(message);
    return message;
  }

  Conversation update(Conversation conversation) {
    conversationUpdates.add(conversation);
    return conversation.withVersion(conversation.version() + 1);
  }

  Interaction update(Interaction interaction) {
    interactionUpdates.add(interaction);
    Interaction updated = interaction.withVersion(interaction.version() + 1);
    interactions.put(updated.id(), updated);
    return updated;
  }

  /** Writes everything held back, in an order that keeps every reference valid. */
  void flush(StoreTransaction tx) {
    tx.interactions().insertAll(newInteractions);
    tx.conversations().updateAll(conversationUpdates);
    tx.interactions().updateAll(interactionUpdates);
    tx.messages().insertAll(newMessages);
  }
}
