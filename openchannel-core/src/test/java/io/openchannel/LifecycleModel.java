package io.openchannel;

import static io.openchannel.ConversationFixture.ACCOUNT_NAMES;
import static io.openchannel.ConversationFixture.AGENT_NAMES;
import static io.openchannel.ConversationFixture.AUTO;
import static io.openchannel.ConversationFixture.AUTO_REPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.ConversationLifecycleProperties.AgentClose;
import io.openchannel.ConversationLifecycleProperties.Assign;
import io.openchannel.ConversationLifecycleProperties.Canned;
import io.openchannel.ConversationLifecycleProperties.ChangeTag;
import io.openchannel.ConversationLifecycleProperties.CloseAndDispose;
import io.openchannel.ConversationLifecycleProperties.HostClose;
import io.openchannel.ConversationLifecycleProperties.Inbound;
import io.openchannel.ConversationLifecycleProperties.InboundFile;
import io.openchannel.ConversationLifecycleProperties.MarkRead;
import io.openchannel.ConversationLifecycleProperties.Note;
import io.openchannel.ConversationLifecycleProperties.Reply;
import io.openchannel.ConversationLifecycleProperties.Resend;
import io.openchannel.ConversationLifecycleProperties.Sender;
import io.openchannel.ConversationLifecycleProperties.Step;
import io.openchannel.account.AccountId;
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
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Applies {@link Step}s to a real engine and to a plain model of what the engine must then
 * hold, and compares the two after every step. The model is deliberately naive: lists of
 * expected messages per interaction, a flag per state, the contact rules of S5 spelled out.
 */
final class LifecycleModel {
  private final ConversationFixture f;
  private final List<ModelContact> contacts = new ArrayList<>();
  private final Map<ConversationKey, ModelConversation> conversations = new LinkedHashMap<>();
  private final List<ModelInteraction> interactions = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private final AtomicInteger downloads = new AtomicInteger();
  private final Set<Reached> reached = java.util.EnumSet.noneOf(Reached.class);
  private int attachments;
  private Instant now;
  private String label;

  LifecycleModel(ConversationFixture fixture) {
    this.f = fixture;
  }

  /** Situations worth reaching; the property checks that enough runs reach each. */
  enum Reached {
    CONTACT_MERGED_ACROSS_ACCOUNTS,
    CONVERSATION_REOPENED,
    READ_INTERACTION_MADE_UNREAD,
    DUPLICATE_RESENT,
    ACTION_REFUSED,
    REPLY_ON_CLOSED_REFUSED,
    CLOSED_AND_DISPOSED,
    REASSIGNED
  }

  /** Which situations this run reached. */
  Set<Reached> reached() {
    return Set.copyOf(reached);
  }

  /** Every event the engine published so far. */
  List<OpenChannelEvent> events() {
    return f.events.all();
  }

  /** What a stored message must look like; {@code id} is empty where the test never learns it. */
  record Expected(Optional<MessageId> id, Direction direction, MessageKind kind, String text,
      boolean autoReply, boolean canned, Optional<AgentId> author, Optional<String> channelMessageId,
      Optional<String> fileName, Optional<DeliveryStatus> delivery, Instant at) {

    static Expected of(Message m) {
      return new Expected(m.autoReply() ? Optional.empty() : Optional.of(m.id()), m.direction(),
          m.kind(), m.text(), m.autoReply(), m.canned(), m.author(), m.channelMessageId(),
          m.attachment().map(a -> a.fileName()), m.deliveryStatus(), m.createdAt());
    }
  }

  static final class ModelContact {
    ContactId id; // learned from the store the first time it is used
    final Optional<String> firstName;
    final Optional<String> lastName;
    final Map<String, String> fields;
    final List<ChannelIdentity> identities = new ArrayList<>();

    ModelContact(Optional<String> firstName, Optional<String> lastName, Map<String, String> fields) {
      this.firstName = firstName;
      this.lastName = lastName;
      this.fields = fields;
    }

    String displayName() {
      String joined = (firstName.orElse("") + " " + lastName.orElse("")).strip();
      return !joined.isEmpty() ? joined : identities.get(0).externalId();
    }
  }

  static final class ModelConversation {
    final ConversationKey key;
    final ModelContact contact;
    final List<ModelInteraction> interactions = new ArrayList<>();
    ModelInteraction open;
    int unmanaged;

    ModelConversation(ConversationKey key, ModelContact contact) {
      this.key = key;
      this.contact = contact;
    }
  }

  static final class ModelInteraction {
    final InteractionId id;
    final ModelConversation conversation;
    final Instant startedAt;
    boolean open = true;
    Optional<AgentId> firstAgent = Optional.empty();
    Optional<AgentId> owner = Optional.empty();
    boolean read;
    TreeSet<Tag> tags = new TreeSet<>();
    Optional<Instant> closedAt = Optional.empty();
    Optional<DispositionId> disposition = Optional.empty();
    final List<Expected> messages = new ArrayList<>();
    Optional<MessageId> last = Optional.empty();

    ModelInteraction(InteractionId id, ModelConversation conversation, Instant startedAt) {
      this.id = id;
      this.conversation = conversation;
      this.startedAt = startedAt;
    }

    boolean ownedBy(AgentId agent) {
      return owner.equals(Optional.of(agent));
    }
  }

  /** An inbound message as first delivered, for resending. */
  record Sent(AccountId account, InboundMessage message, MessageId storedAs, ModelInteraction interaction) {}

  /** Everything a failed step must leave untouched. */
  record Snapshot(List<Conversation> conversations, List<Interaction> interactions,
      List<List<Message>> messages, List<Contact> contacts, int messageCount, int blobs,
      int events) {}

  // ---- applying steps ----------------------------------------------------------------------------

  void apply(int n, Step step) {
    now = f.clock.advance(Duration.ofSeconds(1));
    label = "step " + n + " " + step;
    int eventsBefore = f.events.count();
    if (step instanceof Inbound s) {
      receive(n, s.sender(), s.text(), Optional.empty(), false, eventsBefore);
    } else if (step instanceof InboundFile s) {
      receive(n, s.sender(), s.caption(), Optional.of(file(n, s.voice())), s.voice(), eventsBefore);
    } else if (step instanceof Resend s) {
      resend(s);
    } else if (step instanceof Assign s) {
      withInteraction(s.pick(), i -> assign(i, s.agent(), eventsBefore));
    } else if (step instanceof Reply s) {
      withInteraction(s.pick(), i -> reply(i, s.who().resolve(i.owner), s.text(), eventsBefore));
    } else if (step instanceof Note s) {
      withInteraction(s.pick(), i -> note(i, s.who().resolve(i.owner), s.text(), eventsBefore));
    } else if (step instanceof Canned s) {
      withInteraction(s.pick(), i -> canned(i, s.who().resolve(i.owner), s.answer(), eventsBefore));
    } else if (step instanceof MarkRead s) {
      withInteraction(s.pick(), i -> markRead(i, s.who().resolve(i.owner), s.read(), eventsBefore));
    } else if (step instanceof ChangeTag s) {
      withInteraction(s.pick(), i -> changeTag(i, s.who().resolve(i.owner), Tag.of(s.tag()), s.add(),
          eventsBefore));
    } else if (step instanceof AgentClose s) {
      withInteraction(s.pick(), i -> close(i, Optional.of(s.who().resolve(i.owner)), Optional.empty(),
          eventsBefore));
    } else if (step instanceof CloseAndDispose s) {
      withInteraction(s.pick(), i -> close(i, Optional.of(s.who().resolve(i.owner)),
          Optional.of(DispositionId.of(s.disposition())), eventsBefore));
    } else if (step instanceof HostClose s) {
      withInteraction(s.pick(), i -> close(i, Optional.empty(), Optional.empty(), eventsBefore));
    } else {
      throw new AssertionError("unknown step " + step);
    }
    assertMatchesModel();
    List<ConversationKey> keys = Stream.of(Sender.values()).map(Sender::key).toList();
    ConversationInvariants.assertHold(f, keys, f.events.all());
  }

  private void withInteraction(int pick, java.util.function.Consumer<ModelInteraction> action) {
    if (!interactions.isEmpty()) {
      action.accept(interactions.get(interactions.size() - 1 - pick % interactions.size()));
    }
  }

  private record File(String name, String contentType, byte[] bytes) {}

  private static File file(int n, boolean voice) {
    byte[] bytes = ("bytes of file " + n + " ✓").getBytes(StandardCharsets.UTF_8);
    return voice ? new File("voice-" + n + ".ogg", "audio/ogg", bytes)
        : new File("photo-" + n + ".jpg", "image/jpeg", bytes);
  }

  private void receive(int n, Sender sender, String text, Optional<File> file, boolean voice,
      int eventsBefore) {
    Optional<InboundAttachment> attachment = file.map(fl ->
        new InboundAttachment(fl.name(), fl.contentType(), () -> {
          downloads.incrementAndGet();
          return new ByteArrayInputStream(fl.bytes());
        }));
    InboundMessage message = new InboundMessage("m-" + n, sender.profile, text, attachment, voice,
        now, Optional.empty(), Optional.empty());
    ReceiveResult result = f.engine.receive(sender.account, message);

    ConversationKey key = sender.key();
    ModelConversation conversation = conversations.get(key);
    boolean newContact = false;
    if (conversation == null) {
      ModelContact contact = resolveContact(sender);
      newContact = !contacts.contains(contact);
      if (newContact) {
        contacts.add(contact);
      }
      conversation = new ModelConversation(key, contact);
      conversations.put(key, conversation);
    }
    boolean opened = conversation.open == null;
    if (opened) {
      if (!conversation.interactions.isEmpty()) {
        reached.add(Reached.CONVERSATION_REOPENED);
      }
      ModelInteraction created = new ModelInteraction(result.interaction().id(), conversation, now);
      conversation.interactions.add(created);
      conversation.open = created;
      conversation.unmanaged++;
      interactions.add(created);
    }
    ModelInteraction i = conversation.open;
    boolean wasRead = i.read;
    if (wasRead) {
      reached.add(Reached.READ_INTERACTION_MADE_UNREAD);
    }
    i.read = false;
    MessageKind kind = file.isEmpty() ? MessageKind.TEXT : voice ? MessageKind.VOICE : MessageKind.ATTACHMENT;
    i.messages.add(new Expected(Optional.of(result.message().id()), Direction.IN, kind, text, false,
        false, Optional.empty(), Optional.of(message.channelMessageId()), file.map(File::name),
        Optional.empty(), now));
    i.last = Optional.of(result.message().id());
    if (opened && sender.account.equals(AUTO)) {
      i.messages.add(new Expected(Optional.empty(), Direction.OUT, MessageKind.TEXT, AUTO_REPLY, true,
          false, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(DeliveryStatus.QUEUED), now));
    }
    sent.add(new Sent(sender.account, message, result.message().id(), i));
    if (file.isPresent()) {
      attachments++;
      assertThat(readAll(f.engine.openAttachment(result.message().attachment().orElseThrow().id())))
          .as("%s: attachment bytes", label).isEqualTo(file.get().bytes());
    }

    assertThat(result.duplicate()).as("%s: duplicate", label).isFalse();
    assertThat(result.newInteraction()).as("%s: newInteraction", label).isEqualTo(opened);
    assertThat(result.interaction().id()).as("%s: interaction", label).isEqualTo(i.id);
    assertThat(result.interaction()).isEqualTo(f.engine.interactions().get(i.id));

    Conversation stored = f.engine.interactions().findConversation(key).orElseThrow();
    learnContactId(conversation.contact, stored.contact());
    boolean autoReply = opened && sender.account.equals(AUTO);
    List<OpenChannelEvent> events = newEvents(eventsBefore);
    assertThat(events).as("%s: events", label).hasSize((newContact ? 1 : 0) + (opened ? 1 : 0) + 1
        + (wasRead ? 1 : 0) + (autoReply ? 1 : 0));
    int e = 0;
    if (newContact) {
      assertThat(events.get(e++)).as(label).isEqualTo(new ContactCreated(now, stored.contact(),
          sender.account, conversation.contact.displayName()));
    }
    if (opened) {
      assertThat(events.get(e++)).as(label).isEqualTo(new InteractionOpened(now, i.id, stored.id(),
          sender.account, stored.contact(), conversation.contact.displayName(), Visibility.PRIVATE,
          Direction.IN, conversation.unmanaged));
    }
    assertThat(events.get(e++)).as(label).isEqualTo(new MessageAdded(now, i.id, result.message()));
    if (wasRead) {
      assertThat(events.get(e++)).as(label)
          .isEqualTo(new ReadStateChanged(now, i.id, false, Optional.empty()));
    }
    if (autoReply) {
      OpenChannelEvent reply = events.get(e++);
      assertThat(reply).as(label).isInstanceOf(MessageAdded.class);
      assertThat(((MessageAdded) reply).message().autoReply()).as(label).isTrue();
    }
  }

  /** S5 spelled out: identity, else the account's map key, else a new contact. */
  private ModelContact resolveContact(Sender sender) {
    ChannelIdentity identity = ChannelIdentity.of(sender.account, sender.profile.externalId());
    for (ModelContact c : contacts) {
      if (c.identities.contains(identity)) {
        return c;
      }
    }
    Optional<String> mapKey = f.engine.accounts().get(sender.account).settings().mapKey();
    Map<String, String> fields = new TreeMap<>(sender.profile.fields());
    if (mapKey.isPresent()) {
      String value = fields.getOrDefault(mapKey.get(), sender.profile.externalId());
      for (ModelContact c : contacts) { // in creation order, which is id order
        if (value.equals(c.fields.get(mapKey.get()))) {
          if (c.identities.stream().anyMatch(other -> !other.account().equals(sender.account))) {
            reached.add(Reached.CONTACT_MERGED_ACROSS_ACCOUNTS);
          }
          c.identities.add(identity);
          return c;
        }
      }
      fields.put(mapKey.get(), value);
    }
    ModelContact created = new ModelContact(sender.profile.firstName(), sender.profile.lastName(), fields);
    created.identities.add(identity);
    return created;
  }

  private void learnContactId(ModelContact contact, ContactId stored) {
    if (contact.id == null) {
      for (ModelContact other : contacts) {
        assertThat(other.id).as("%s: contact %s is new", label, stored).isNotEqualTo(stored);
      }
      contact.id = stored;
    }
    assertThat(stored).as("%s: contact of the conversation", label).isEqualTo(contact.id);
  }

  private void resend(Resend step) {
    if (sent.isEmpty()) {
      return;
    }
    Sent earlier = sent.get(step.pick() % sent.size());
    reached.add(Reached.DUPLICATE_RESENT);
    Snapshot before = snapshot();
    int downloadsBefore = downloads.get();
    ReceiveResult result = f.engine.receive(earlier.account(), earlier.message());
    assertThat(result.duplicate()).as("%s: duplicate", label).isTrue();
    assertThat(result.newInteraction()).as(label).isFalse();
    assertThat(result.message().id()).as("%s: the earlier message", label).isEqualTo(earlier.storedAs());
    assertThat(result.interaction()).as(label).isEqualTo(f.engine.interactions().get(earlier.interaction().id));
    assertThat(snapshot()).as("%s: a resend changes nothing", label).isEqualTo(before);
    assertThat(downloads.get()).as("%s: a resend downloads nothing", label).isEqualTo(downloadsBefore);
  }

  private void assign(ModelInteraction i, AgentId agent, int eventsBefore) {
    if (!i.open) {
      expectFailure(() -> f.engine.assign(i.id, agent), IllegalTransitionException.class);
      return;
    }
    Interaction result = f.engine.assign(i.id, agent);
    if (i.ownedBy(agent)) {
      assertThat(newEvents(eventsBefore)).as("%s: assigning the owner again", label).isEmpty();
    } else {
      if (i.owner.isPresent()) {
        reached.add(Reached.REASSIGNED);
      }
      Optional<AgentId> previous = i.owner;
      boolean firstTime = i.firstAgent.isEmpty();
      i.owner = Optional.of(agent);
      i.firstAgent = i.firstAgent.or(() -> Optional.of(agent));
      if (firstTime) {
        i.conversation.unmanaged--;
      }
      assertThat(newEvents(eventsBefore)).as(label)
          .containsExactly(new InteractionAssigned(now, i.id, agent, previous, firstTime));
    }
    assertThat(result).as(label).isEqualTo(f.engine.interactions().get(i.id));
  }

  private void reply(ModelInteraction i, AgentId agent, String text, int eventsBefore) {
    List<Class<? extends OpenChannelException>> reasons = new ArrayList<>();
    if (text.isBlank()) {
      reasons.add(InvalidInputException.class);
    }
    addOwnerAndOpenReasons(i, agent, reasons);
    if (!reasons.isEmpty()) {
      if (reasons.equals(List.of(IllegalTransitionException.class))) {
        reached.add(Reached.REPLY_ON_CLOSED_REFUSED);
      }
      expectFailure(() -> f.engine.desk(agent).sendText(i.id, text), reasons);
      return;
    }
    Message m = f.engine.desk(agent).sendText(i.id, text);
    addAgentMessage(i, m, agent, MessageKind.TEXT, text, false, eventsBefore);
  }

  private void note(ModelInteraction i, AgentId agent, String text, int eventsBefore) {
    List<Class<? extends OpenChannelException>> reasons = new ArrayList<>();
    if (text.isBlank()) {
      reasons.add(InvalidInputException.class);
    }
    addOwnerAndOpenReasons(i, agent, reasons);
    if (!reasons.isEmpty()) {
      expectFailure(() -> f.engine.desk(agent).addNote(i.id, text), reasons);
      return;
    }
    Message m = f.engine.desk(agent).addNote(i.id, text);
    addAgentMessage(i, m, agent, MessageKind.NOTE, text, false, eventsBefore);
  }

  private void canned(ModelInteraction i, AgentId agent, String answer, int eventsBefore) {
    ModelContact contact = i.conversation.contact;
    String text = switch (answer) {
      case "greet" -> "Hello " + contact.displayName() + ", this is " + AGENT_NAMES.get(agent)
          + " from " + ACCOUNT_NAMES.get(i.conversation.key.account()) + " 👋";
      case "first" -> contact.firstName.orElse("");
      default -> "";
    };
    List<Class<? extends OpenChannelException>> reasons = new ArrayList<>();
    if (answer.equals("missing")) {
      reasons.add(NotFoundException.class);
    } else if (text.isBlank()) {
      reasons.add(InvalidInputException.class);
    }
    addOwnerAndOpenReasons(i, agent, reasons);
    CannedAnswerId id = CannedAnswerId.of(answer);
    if (!reasons.isEmpty()) {
      expectFailure(() -> f.engine.desk(agent).sendCanned(i.id, id), reasons);
      return;
    }
    Message m = f.engine.desk(agent).sendCanned(i.id, id);
    addAgentMessage(i, m, agent, MessageKind.TEXT, text, true, eventsBefore);
  }

  private void addOwnerAndOpenReasons(ModelInteraction i, AgentId agent,
      List<Class<? extends OpenChannelException>> reasons) {
    if (!i.ownedBy(agent)) {
      reasons.add(PermissionDeniedException.class);
    }
    if (!i.open) {
      reasons.add(IllegalTransitionException.class);
    }
  }

  private void addAgentMessage(ModelInteraction i, Message m, AgentId agent, MessageKind kind,
      String text, boolean canned, int eventsBefore) {
    boolean note = kind == MessageKind.NOTE;
    i.messages.add(new Expected(Optional.of(m.id()), Direction.OUT, kind, text, false, canned,
        Optional.of(agent), Optional.empty(), Optional.empty(),
        note ? Optional.empty() : Optional.of(DeliveryStatus.QUEUED), now));
    if (!note) {
      i.last = Optional.of(m.id());
    }
    assertThat(newEvents(eventsBefore)).as(label).containsExactly(new MessageAdded(now, i.id, m));
  }

  private void markRead(ModelInteraction i, AgentId agent, boolean read, int eventsBefore) {
    if (!i.ownedBy(agent)) {
      expectFailure(() -> mark(agent, i.id, read), PermissionDeniedException.class);
      return;
    }
    Interaction result = mark(agent, i.id, read);
    if (i.read == read) {
      assertThat(newEvents(eventsBefore)).as("%s: nothing to change", label).isEmpty();
    } else {
      i.read = read;
      assertThat(newEvents(eventsBefore)).as(label)
          .containsExactly(new ReadStateChanged(now, i.id, read, Optional.of(agent)));
    }
    assertThat(result).as(label).isEqualTo(f.engine.interactions().get(i.id));
  }

  private Interaction mark(AgentId agent, InteractionId id, boolean read) {
    return read ? f.engine.desk(agent).markRead(id) : f.engine.desk(agent).markUnread(id);
  }

  private void changeTag(ModelInteraction i, AgentId agent, Tag tag, boolean add, int eventsBefore) {
    AgentDesk desk = f.engine.desk(agent);
    ThrowingCallable call = () -> change(desk, i.id, tag, add);
    if (!i.ownedBy(agent)) {
      expectFailure(call, PermissionDeniedException.class);
      return;
    }
    Interaction result = change(desk, i.id, tag, add);
    TreeSet<Tag> next = new TreeSet<>(i.tags);
    boolean changed = add ? next.add(tag) : next.remove(tag);
    if (changed) {
      i.tags = next;
      assertThat(newEvents(eventsBefore)).as(label)
          .containsExactly(new TagsChanged(now, i.id, next, agent));
    } else {
      assertThat(newEvents(eventsBefore)).as("%s: nothing to change", label).isEmpty();
    }
    assertThat(result).as(label).isEqualTo(f.engine.interactions().get(i.id));
  }

  private static Interaction change(AgentDesk desk, InteractionId id, Tag tag, boolean add) {
    return add ? desk.addTags(id, Set.of(tag)) : desk.removeTags(id, Set.of(tag));
  }

  private void close(ModelInteraction i, Optional<AgentId> agent, Optional<DispositionId> disposition,
      int eventsBefore) {
    List<Class<? extends OpenChannelException>> reasons = new ArrayList<>();
    if (disposition.isPresent() && f.engine.dispositions().find(disposition.get()).isEmpty()) {
      reasons.add(InvalidInputException.class);
    }
    if (agent.isPresent() && !i.ownedBy(agent.get())) {
      reasons.add(PermissionDeniedException.class);
    }
    if (!i.open) {
      reasons.add(IllegalTransitionException.class);
    }
    ThrowingCallable call = () -> closeBy(i.id, agent, disposition);
    if (!reasons.isEmpty()) {
      expectFailure(call, reasons);
      return;
    }
    Interaction result = closeBy(i.id, agent, disposition);
    i.open = false;
    i.closedAt = Optional.of(now);
    i.disposition = disposition;
    i.conversation.open = null;
    if (disposition.isPresent()) {
      reached.add(Reached.CLOSED_AND_DISPOSED);
    }
    assertThat(newEvents(eventsBefore)).as(label)
        .containsExactly(new InteractionClosed(now, i.id, agent, disposition));
    assertThat(result).as(label).isEqualTo(f.engine.interactions().get(i.id));
  }

  private Interaction closeBy(InteractionId id, Optional<AgentId> agent,
      Optional<DispositionId> disposition) {
    if (agent.isEmpty()) {
      return f.engine.close(id);
    }
    AgentDesk desk = f.engine.desk(agent.get());
    return disposition.isPresent() ? desk.closeAndDispose(id, disposition.get()) : desk.close(id);
  }

  // ---- checking --------------------------------------------------------------------------------

  @SafeVarargs
  private void expectFailure(ThrowingCallable call, Class<? extends OpenChannelException>... reasons) {
    expectFailure(call, Arrays.asList(reasons));
  }

  private void expectFailure(ThrowingCallable call, List<Class<? extends OpenChannelException>> reasons) {
    reached.add(Reached.ACTION_REFUSED);
    Snapshot before = snapshot();
    assertThatThrownBy(call).as("%s must fail with one of %s", label, reasons)
        .isInstanceOfAny(reasons.toArray(Class<?>[]::new));
    assertThat(snapshot()).as("%s failed, so it changes nothing", label).isEqualTo(before);
  }

  private List<OpenChannelEvent> newEvents(int before) {
    return f.events.since(before);
  }

  private Snapshot snapshot() {
    List<Conversation> cs = new ArrayList<>();
    for (ConversationKey key : conversations.keySet()) {
      cs.add(f.engine.interactions().findConversation(key).orElseThrow());
    }
    List<Interaction> is = new ArrayList<>();
    List<List<Message>> ms = new ArrayList<>();
    for (ModelInteraction i : interactions) {
      is.add(f.engine.interactions().get(i.id));
      ms.add(f.engine.interactions().messages(i.id));
    }
    List<Contact> people = new ArrayList<>();
    for (ModelContact c : contacts) {
      people.add(f.engine.contacts().get(c.id));
    }
    return new Snapshot(cs, is, ms, people, f.store.messageCount(), f.blobs.size(), f.events.count());
  }

  private void assertMatchesModel() {
    for (ModelConversation mc : conversations.values()) {
      Conversation c = f.engine.interactions().findConversation(mc.key).orElseThrow();
      assertThat(c.contact()).as("%s: contact of %s", label, mc.key).isEqualTo(mc.contact.id);
      assertThat(c.openInteraction()).as("%s: open interaction of %s", label, mc.key)
          .isEqualTo(Optional.ofNullable(mc.open).map(i -> i.id));
      assertThat(c.interactionCount()).as("%s: interactionCount of %s", label, mc.key)
          .isEqualTo(mc.interactions.size());
      assertThat(c.unmanagedCount()).as("%s: unmanagedCount of %s", label, mc.key)
          .isEqualTo(mc.unmanaged);
      List<InteractionId> newestFirst = new ArrayList<>(mc.interactions.stream().map(i -> i.id).toList());
      java.util.Collections.reverse(newestFirst);
      assertThat(f.engine.interactions().ofConversation(c.id())).extracting(Interaction::id)
          .as("%s: interactions of %s, newest first", label, mc.key).containsExactlyElementsOf(newestFirst);
    }
    for (ModelInteraction mi : interactions) {
      Interaction i = f.engine.interactions().get(mi.id);
      String what = label + ": " + mi.id;
      assertThat(i.status()).as("%s status", what)
          .isEqualTo(mi.open ? InteractionStatus.OPEN : InteractionStatus.CLOSED);
      assertThat(i.origin()).as("%s origin", what).isEqualTo(Direction.IN);
      assertThat(i.startedAt()).as("%s startedAt", what).isEqualTo(mi.startedAt);
      assertThat(i.firstAgent()).as("%s firstAgent", what).isEqualTo(mi.firstAgent);
      assertThat(i.owner()).as("%s owner", what).isEqualTo(mi.owner);
      assertThat(i.read()).as("%s read", what).isEqualTo(mi.read);
      assertThat(i.tags()).as("%s tags", what).isEqualTo(mi.tags);
      assertThat(i.closedAt()).as("%s closedAt", what).isEqualTo(mi.closedAt);
      assertThat(i.disposition()).as("%s disposition", what).isEqualTo(mi.disposition);
      assertThat(i.lastMessage().map(LastMessage::messageId)).as("%s last message (S16)", what)
          .isEqualTo(mi.last);
      assertThat(f.engine.interactions().messages(mi.id).stream().map(Expected::of).toList())
          .as("%s messages", what).containsExactlyElementsOf(mi.messages);
    }
    for (ModelContact mc : contacts) {
      Contact c = f.engine.contacts().get(mc.id);
      assertThat(c.firstName()).as("%s: first name of %s", label, mc.id).isEqualTo(mc.firstName);
      assertThat(c.lastName()).as("%s: last name of %s", label, mc.id).isEqualTo(mc.lastName);
      assertThat(c.fields()).as("%s: fields of %s", label, mc.id).isEqualTo(mc.fields);
      assertThat(List.copyOf(c.identities())).as("%s: identities of %s", label, mc.id)
          .isEqualTo(mc.identities);
    }
    int modelMessages = interactions.stream().mapToInt(i -> i.messages.size()).sum();
    assertThat(f.store.messageCount()).as("%s: messages stored", label).isEqualTo(modelMessages);
    assertThat(f.blobs.size()).as("%s: attachment blobs", label).isEqualTo(attachments);
    assertThat(downloads.get()).as("%s: attachment downloads", label).isEqualTo(attachments);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
