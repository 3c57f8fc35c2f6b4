package io.openchannel.internal.engine;

import io.openchannel.NotFoundException;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.contact.Contacts;
import io.openchannel.contact.Journey;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Interactions;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Message;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.InteractionRow;
import io.openchannel.query.Page;
import java.util.List;
import java.util.Optional;

/** Read-only views of contacts, conversations, interactions and messages. */
final class Reads {
  private final Transactions transactions;
  private final JourneyReader journeys;
  private final InteractionView view;

  Reads(Transactions transactions, JourneyReader journeys, InteractionView view) {
    this.transactions = transactions;
    this.journeys = journeys;
    this.view = view;
  }

  Contacts contacts() {
    return new Contacts() {
      @Override
      public Optional<Contact> find(ContactId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.contacts().find(id));
      }

      @Override
      public Contact get(ContactId id) {
        return find(id).orElseThrow(() -> new NotFoundException("no contact " + id));
      }

      @Override
      public Optional<Contact> findByIdentity(ChannelIdentity identity) {
        Checks.notNull(identity, "identity");
        return transactions.read(tx -> tx.contacts().findByIdentity(identity));
      }

      @Override
      public Journey journey(ContactId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> journeys.read(tx, id));
      }
    };
  }

  Interactions interactions() {
    return new Interactions() {
      @Override
      public Optional<Interaction> find(InteractionId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.interactions().find(id));
      }

      @Override
      public Interaction get(InteractionId id) {
        return find(id).orElseThrow(() -> new NotFoundException("no interaction " + id));
      }

      @Override
      public List<Message> messages(InteractionId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> {
          if (tx.interactions().find(id).isEmpty()) {
            throw new NotFoundException("no interaction " + id);
          }
          return tx.messages().listByInteraction(id);
        });
      }

      @Override
      public Conversation conversation(ConversationId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.conversations().find(id))
            .orElseThrow(() -> new NotFoundException("no conversation " + id));
      }

      @Override
      public Optional<Conversation> findConversation(ConversationKey key) {
        Checks.notNull(key, "key");
        return transactions.read(tx -> tx.conversations().findByKey(key));
      }

      @Override
      public List<Interaction> ofConversation(ConversationId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.interactions().listByConversation(id));
      }

      @Override
      public List<Interaction> ofContact(ContactId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.interactions().listByContact(id));
      }

      @Override
      public Page<InteractionRow> query(InteractionQuery query) {
        return view.query(query);
      }
    };
  }
}
