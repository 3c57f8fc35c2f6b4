package io.openchannel;

import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a rejected call could have touched, for "nothing written" assertions: the given
 * interactions with their conversations, contacts and messages, all accounts and agents, the
 * blob count and the number of events told.
 */
record StateSnapshot(List<Object> rows, int blobs, int events) {
  static StateSnapshot of(EngineFixture f, InteractionId... ids) {
    List<Object> rows = new ArrayList<>();
    rows.addAll(f.oc.accounts().list());
    rows.addAll(f.oc.agents().list());
    for (InteractionId id : ids) {
      Interaction i = f.oc.interactions().get(id);
      Conversation c = f.oc.interactions().conversation(i.conversation());
      Contact contact = f.oc.contacts().get(i.contact());
      List<Message> messages = f.oc.interactions().messages(id);
      rows.add(i);
      rows.add(c);
      rows.add(contact);
      rows.addAll(messages);
      rows.addAll(f.oc.interactions().ofConversation(c.id()));
    }
    return new StateSnapshot(rows, f.blobs.size(), f.events.size());
  }
}
