package io.openchannel;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.event.ContactCreated;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.event.TagsChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What must hold of the stored state and the event stream whatever happened before, checked
 * without a model of what happened: the invariants of conversations (S19), interactions (S16)
 * and messages, and that the events each interaction's listeners saw replay to its stored state.
 */
final class ConversationInvariants {
  private ConversationInvariants() {}

  /**
   * @param keys every conversation key the test may have created (absent ones are skipped); a
   *     conversation outside this list shows up as unaccounted messages or events
   * @param events everything the listener saw, in delivery order
   */
  static void assertHold(ConversationFixture f, Collection<ConversationKey> keys,
      List<OpenChannelEvent> events) {
    Map<InteractionId, Interaction> interactions = new LinkedHashMap<>();
    Map<InteractionId, List<Message>> messages = new HashMap<>();
    Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
    Set<ContactId> contacts = new HashSet<>();
    Set<String> channelMessageIds = new HashSet<>();
    int messageCount = 0;
    int attachmentCount = 0;

    for (ConversationKey key : keys) {
      Optional<Conversation> found = f.engine.interactions().findConversation(key);
      if (found.isEmpty()) {
        continue;
      }
      Conversation c = found.get();
      conversations.put(c.id(), c);
      contacts.add(c.contact());
      Contact contact = f.engine.contacts().get(c.contact());
      assertThat(contact.identities()).as("contact of %s", key)
          .contains(ChannelIdentity.of(key.account(), key.address()));

      List<Interaction> ofConversation = f.engine.interactions().ofConversation(c.id());
      List<Interaction> open = ofConversation.stream().filter(Interaction::isOpen).toList();
      assertThat(open).as("open interactions of %s", key).hasSizeLessThanOrEqualTo(1);
      assertThat(c.openInteraction()).as("openInteraction of %s", key)
          .isEqualTo(open.stream().findFirst().map(Interaction::id));
      assertThat(c.interactionCount()).as("interactionCount of %s", key)
          .isEqualTo(ofConversation.size());
      assertThat(c.unmanagedCount()).as("unmanagedCount (S19) of %s", key)
          .isEqualTo((int) ofConversation.stream().filter(i -> i.firstAgent().isEmpty()).count());

      for (Interaction i : ofConversation) {
        assertThat(i.conversation()).isEqualTo(c.id());
        assertThat(i.account()).isEqualTo(c.account());
        assertThat(i.contact()).isEqualTo(c.contact());
        interactions.put(i.id(), i);
        List<Message> stored = f.engine.interactions().messages(i.id());
        messages.put(i.id(), stored);
        messageCount += stored.size();
        for (Message m : stored) {
          assertThat(m.interaction()).isEqualTo(i.id());
          assertThat(m.account()).isEqualTo(c.account());
          if (m.direction() == Direction.IN) {
            assertThat(channelMessageIds.add(m.account() + "|" + m.channelMessageId().orElseThrow()))
                .as("channel message %s stored once", m.channelMessageId()).isTrue();
          }
          if (m.attachment().isPresent()) {
            attachmentCount++;
          }
        }
        assertLastMessage(i, stored);
      }
    }

    assertThat(f.store.messageCount()).as("messages in the store, all in known interactions")
        .isEqualTo(messageCount);
    assertThat(f.blobs.size()).as("attachment blobs, none orphaned").isEqualTo(attachmentCount);
    assertThat(f.secondListener.all()).as("what the second listener saw")
        .containsExactlyElementsOf(f.events.all());
    assertEvents(events, conversations, interactions, messages, contacts);
  }

  /** S16: the last message is the newest that is neither an auto-reply nor a note. */
  private static void assertLastMessage(Interaction i, List<Message> stored) {
    Optional<Message> newest = Optional.empty();
    for (Message m : stored) {
      if (!m.autoReply() && !m.isInternalNote()) {
        newest = Optional.of(m);
      }
    }
    assertThat(i.lastMessage().map(LastMessage::messageId)).as("last message (S16) of %s", i.id())
        .isEqualTo(newest.map(Message::id));
    newest.ifPresent(m -> {
      LastMessage last = i.lastMessage().orElseThrow();
      assertThat(last.direction()).isEqualTo(m.direction());
      assertThat(last.kind()).isEqualTo(m.kind());
      assertThat(last.at()).isEqualTo(m.createdAt());
      assertThat(last.preview()).as("preview of %s", m.id()).isEqualTo(
          m.text().isBlank() && m.attachment().isPresent() ? m.attachment().get().fileName()
              : LastMessage.preview(m.text()));
    });
  }

  private static void assertEvents(List<OpenChannelEvent> events,
      Map<ConversationId, Conversation> conversations, Map<InteractionId, Interaction> interactions,
      Map<InteractionId, List<Message>> messages, Set<ContactId> contacts) {
    Map<InteractionId, List<OpenChannelEvent>> byInteraction = new HashMap<>();
    List<ContactId> created = new ArrayList<>();
    for (OpenChannelEvent e : events) {
      if (e instanceof ContactCreated cc) {
        created.add(cc.contact());
      } else {
        InteractionId id = e.interactionId().orElseThrow();
        assertThat(interactions).as("event %s is about a known interaction", e).containsKey(id);
        byInteraction.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
      }
    }
    assertThat(created).as("ContactCreated once per contact").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(contacts);
    for (Interaction i : interactions.values()) {
      replay(i, byInteraction.getOrDefault(i.id(), List.of()), messages.get(i.id()));
    }
    for (Conversation c : conversations.values()) {
      replayUnmanagedCount(c, events, interactions);
    }
  }

  /** The interaction's events, in the order delivered, rebuild its stored state. */
  private static void replay(Interaction i, List<OpenChannelEvent> events, List<Message> stored) {
    assertThat(events).as("events of %s", i.id()).isNotEmpty();
    assertThat(events.get(0)).as("first event of %s", i.id()).isInstanceOf(InteractionOpened.class);
    InteractionOpened opened = (InteractionOpened) events.get(0);
    assertThat(opened.conversation()).isEqualTo(i.conversation());
    assertThat(opened.account()).isEqualTo(i.account());
    assertThat(opened.contact()).isEqualTo(i.contact());
    assertThat(opened.origin()).isEqualTo(i.origin());
    assertThat(opened.at()).isEqualTo(i.startedAt());

    boolean read = i.origin() == Direction.OUT;
    Optional<AgentId> owner = Optional.empty();
    Optional<AgentId> first = Optional.empty();
    SortedSet<Tag> tags = new TreeSet<>();
    Optional<InteractionClosed> closed = Optional.empty();
    List<MessageId> added = new ArrayList<>();
    Instant previous = opened.at();
    for (OpenChannelEvent e : events.subList(1, events.size())) {
      assertThat(e.at()).as("event times of %s never go back", i.id()).isAfterOrEqualTo(previous);
      previous = e.at();
      if (e instanceof InteractionOpened) {
        throw new AssertionError("second InteractionOpened for " + i.id() + ": " + e);
      } else if (e instanceof MessageAdded m) {
        assertThat(closed).as("no message after close of %s: %s", i.id(), e).isEmpty();
        added.add(m.message().id());
      } else if (e instanceof InteractionAssigned a) {
        assertThat(closed).as("no assignment after close of %s", i.id()).isEmpty();
        assertThat(a.previousOwner()).as("previous owner in %s", e).isEqualTo(owner);
        assertThat(a.firstTimeManaged()).as("firstTimeManaged in %s", e).isEqualTo(first.isEmpty());
        owner = Optional.of(a.agent());
        first = first.or(() -> Optional.of(a.agent()));
      } else if (e instanceof ReadStateChanged r) {
        assertThat(r.read()).as("%s changes the read state", e).isNotEqualTo(read);
        read = r.read();
      } else if (e instanceof TagsChanged t) {
        assertThat(t.tags()).as("%s changes the tags", e).isNotEqualTo(tags);
        tags = t.tags();
      } else if (e instanceof InteractionClosed c) {
        assertThat(closed).as("closed twice: %s", i.id()).isEmpty();
        closed = Optional.of(c);
      } else {
        throw new AssertionError("unexpected event " + e);
      }
    }
    assertThat(added).as("MessageAdded of %s, in stored order", i.id())
        .containsExactlyElementsOf(stored.stream().map(Message::id).toList());
    assertThat(i.read()).as("read state of %s from its events", i.id()).isEqualTo(read);
    assertThat(i.owner()).as("owner of %s from its events", i.id()).isEqualTo(owner);
    assertThat(i.firstAgent()).as("first agent of %s from its events", i.id()).isEqualTo(first);
    assertThat(i.tags()).as("tags of %s from its events", i.id()).isEqualTo(tags);
    assertThat(i.status()).as("status of %s from its events", i.id())
        .isEqualTo(closed.isPresent() ? InteractionStatus.CLOSED : InteractionStatus.OPEN);
    assertThat(i.closedAt()).isEqualTo(closed.map(InteractionClosed::at));
    assertThat(i.disposition()).isEqualTo(closed.flatMap(InteractionClosed::disposition));
  }

  /** Each InteractionOpened tells the conversation's S19 count as it was at that commit. */
  private static void replayUnmanagedCount(Conversation c, List<OpenChannelEvent> events,
      Map<InteractionId, Interaction> interactions) {
    int unmanaged = 0;
    for (OpenChannelEvent e : events) {
      Interaction i = e.interactionId().map(interactions::get).orElse(null);
      if (i == null || !i.conversation().equals(c.id())) {
        continue;
      }
      if (e instanceof InteractionOpened o) {
        if (o.origin() == Direction.IN) {
          unmanaged++;
        }
        assertThat(o.unmanagedCount()).as("unmanagedCount in %s", o).isEqualTo(unmanaged);
      } else if (e instanceof InteractionAssigned a && a.firstTimeManaged()
          && i.origin() == Direction.IN) {
        unmanaged--;
      }
    }
    assertThat(c.unmanagedCount()).as("unmanagedCount of %s from its events", c.key())
        .isEqualTo(unmanaged);
  }
}
