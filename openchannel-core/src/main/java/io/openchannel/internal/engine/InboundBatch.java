package io.openchannel.internal.engine;

import io.openchannel.InvalidInputException;
import io.openchannel.ReceiveResult;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.internal.routing.Effects;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Attachment;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a batch of customers' messages on one account in one transaction, with the meaning of
 * {@link InboundService#receive} called for each in turn: the same dedupe (also between messages
 * of the batch), contacts, conversations, interactions, auto-replies, and events in the same
 * order. What makes it cheaper is how it talks to the store: a few look-ups for the whole batch
 * up front ({@code findByChannelMessageIds}, {@code findByKeys}, {@code findAll}), the changes
 * worked out in memory, then written with the repositories' batch methods, which a database store
 * sends in a handful of statements. Contacts and conversations of new customers are the
 * exception: they are resolved one by one, as the Contacts Manager's rules need.
 */
final class InboundBatch {
  /** The largest batch taken at once; a batch holds its conversations' locks until it commits. */
  static final int MAX_MESSAGES = 1_000;

  private final Engine engine;
  private final InboundService inbound;

  InboundBatch(Engine engine, InboundService inbound) {
    this.engine = engine;
    this.inbound = inbound;
  }

  List<ReceiveResult> receiveAll(AccountId accountId, List<InboundMessage> batch) {
    List<InboundMessage> messages = checked(batch);
    ChannelType type = engine.channelType(accountId);
    if (messages.isEmpty()) {
      return List.of();
    }
    List<ConversationKey> keys = new ArrayList<>(messages.size());
    Set<String> lockKeys = new LinkedHashSet<>();
    for (InboundMessage in : messages) {
      ConversationKey key = new ConversationKey(accountId, in.sender().externalId(),
          in.visibility().orElse(type.defaultVisibility()), in.threadId());
      keys.add(key);
      lockKeys.add(key.toString());
    }
    List<InboundService.Intake> intakes = intakes(accountId, messages);
    Stored[] stored = new Stored[1];
    List<ReceiveResult> results;
    try {
      results = engine.routing.writeAll(lockKeys, work -> {
        stored[0] = store(work, accountId, messages, keys, intakes);
        return stored[0].results();
      }, (r, fx) -> route(stored[0], fx));
    } catch (RuntimeException e) {
      intakes.forEach(intake -> engine.attachments.discard(intake.attachment()));
      throw e;
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).duplicate()) {
        engine.attachments.discard(intakes.get(i).attachment()); // lost a race with the same id
      }
    }
    for (Opened o : stored[0].opened()) {
      engine.rememberLockKey(o.info().interaction(), o.lockKey()); // offers are accepted next
    }
    return results;
  }

  private static List<InboundMessage> checked(List<InboundMessage> batch) {
    Checks.notNull(batch, "messages");
    if (batch.size() > MAX_MESSAGES) {
      throw new InvalidInputException("a batch holds at most " + MAX_MESSAGES + " messages, got "
          + batch.size() + "; split it into smaller batches");
    }
    List<InboundMessage> messages = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      InboundMessage in = batch.get(i);
      if (in == null) {
        throw new InvalidInputException("message " + (i + 1) + " of " + batch.size()
            + " in the batch is null; pass only messages");
      }
      try {
        Checks.text(in.text(), "inbound text", in.attachment().isPresent());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(which(i, batch.size(), in) + ": " + e.getMessage()
            + "; nothing of the batch was stored", e);
      }
      messages.add(in);
    }
    return messages;
  }

  /**
   * Takes the batch's files before the transaction, as one by one: a message already stored (a
   * webhook retry), or one an earlier message of the batch carries the id of, downloads nothing.
   */
  private List<InboundService.Intake> intakes(AccountId accountId,
      List<InboundMessage> messages) {
    Set<String> withFiles = new LinkedHashSet<>();
    for (InboundMessage in : messages) {
      if (in.attachment().isPresent()) {
        withFiles.add(in.channelMessageId());
      }
    }
    if (withFiles.isEmpty()) { // most batches: text only, nothing to read before the transaction
      List<InboundService.Intake> texts = new ArrayList<>(messages.size());
      messages.forEach(in -> texts.add(new InboundService.Intake(in.text(), Optional.empty())));
      return texts;
    }
    Account account = engine.accounts().get(accountId);
    Set<String> known = new java.util.HashSet<>(engine.transactions.read(tx -> tx.messages()
        .findByChannelMessageIds(account.id(), withFiles).keySet()));
    List<InboundService.Intake> intakes = new ArrayList<>(messages.size());
    try {
      for (int i = 0; i < messages.size(); i++) {
        InboundMessage in = messages.get(i);
        if (in.attachment().isEmpty() || !known.add(in.channelMessageId())) {
          intakes.add(new InboundService.Intake(in.text(), Optional.empty()));
          continue;
        }
        requireEnabled(account, i, messages.size(), in);
        intakes.add(inbound.intake(account, in));
      }
    } catch (RuntimeException e) {
      intakes.forEach(intake -> engine.attachments.discard(intake.attachment()));
      throw e;
    }
    return intakes;
  }

  /** What the transaction did: a result per message, and the interactions it opened. */
  private record Stored(List<ReceiveResult> results, List<Opened> opened) {}

  /**
   * An interaction the batch opened: where its message's events end in the transaction's event
   * list (its routing events go right there, as one by one), and what routing needs of it.
   */
  private record Opened(int eventsEnd, RoutingInfo info, String lockKey) {}

  private Stored store(Transactions.Work work, AccountId accountId, List<InboundMessage> messages,
      List<ConversationKey> keys, List<InboundService.Intake> intakes) {
    StoreTransaction tx = work.tx();
    Set<String> channelIds = new LinkedHashSet<>();
    messages.forEach(in -> channelIds.add(in.channelMessageId()));
    Map<String, Message> known =
        new HashMap<>(tx.messages().findByChannelMessageIds(accountId, channelIds));
    Account account = Engine.requireAccount(work, accountId);
    Instant now = engine.now();
    Set<ConversationKey> wanted = new LinkedHashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!known.containsKey(messages.get(i).channelMessageId())) {
        wanted.add(keys.get(i));
      }
    }
    Map<ConversationKey, Conversation> conversations =
        new HashMap<>(tx.conversations().findByKeys(wanted));
    Set<InteractionId> interactionIds = new LinkedHashSet<>();
    conversations.values().forEach(c -> c.openInteraction().ifPresent(interactionIds::add));
    known.values().forEach(m -> interactionIds.add(m.interaction()));
    InboundWrites writes = new InboundWrites(new HashMap<>(tx.interactions().findAll(interactionIds)));
    Map<ContactId, Contact> contacts = new HashMap<>();
    List<ReceiveResult> results = new ArrayList<>(messages.size());
    List<Opened> opened = new ArrayList<>();

    for (int i = 0; i < messages.size(); i++) {
      InboundMessage in = messages.get(i);
      Message earlier = known.get(in.channelMessageId());
      if (earlier != null) {
        results.add(new ReceiveResult(earlier, writes.interaction(work, earlier.interaction()),
            false, true));
        continue;
      }
      requireEnabled(account, i, messages.size(), in);
      ConversationKey key = keys.get(i);
      Conversation conversation = conversations.get(key);
      if (conversation == null) {
        conversation = inbound.newConversation(work, account, key, in, now);
      }
      boolean opens = conversation.openInteraction().isEmpty();
      Interaction interaction;
      Contact contact = null;
      if (opens) {
        interaction = writes.insert(Interaction.open(InteractionId.of(engine.ids.next()),
            conversation, Direction.IN, now));
        conversation = writes.update(conversation.withOpened(interaction.id(), false));
        contact = contacts.computeIfAbsent(conversation.contact(),
            id -> tx.contacts().find(id).orElseThrow());
        work.publish(new InteractionOpened(now, interaction.id(), conversation.id(), accountId,
            contact.id(), contact.displayName(), key.visibility(), Direction.IN,
            conversation.unmanagedCount()));
      } else {
        interaction = writes.interaction(work, conversation.openInteraction().get());
      }
      Instant written = in.sentAt().isAfter(now) ? now : in.sentAt();
      Conversation wrote = conversation.withInbound(written);
      if (wrote != conversation) { // an earlier or equal time changes nothing: no write
        conversation = writes.update(wrote);
      }
      conversations.put(key, conversation);
      Optional<Attachment> attachment = intakes.get(i).attachment();
      MessageKind kind = attachment.isEmpty() ? MessageKind.TEXT
          : in.voice() ? MessageKind.VOICE : MessageKind.ATTACHMENT;
      Message message = writes.insert(new Message(MessageId.of(engine.ids.next()),
          interaction.id(), accountId, Direction.IN, kind, intakes.get(i).text(), attachment,
          Optional.empty(), false, false, Optional.of(in.channelMessageId()), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), now, 0));
      known.put(in.channelMessageId(), message);
      boolean wasRead = interaction.read();
      interaction = writes.update(interaction
          .withLastMessage(InboundService.lastMessageOf(message)).withRead(false));
      work.publish(new MessageAdded(now, interaction.id(), message));
      if (wasRead) {
        work.publish(new ReadStateChanged(now, interaction.id(), false, Optional.empty()));
      }
      if (opens) {
        inbound.sendAutoReply(work, account, conversation, interaction, now, writes::insert);
        opened.add(new Opened(work.events().size(), new RoutingInfo(interaction.id(),
            account.id(), account.type(), account.settings().queue(), contact.displayName(),
            interaction.lastMessage().map(LastMessage::preview).orElse("")), key.toString()));
      }
      results.add(new ReceiveResult(message, interaction, opens, false));
    }
    writes.flush(tx);
    return new Stored(results, opened);
  }

  /**
   * Puts the new interactions in their queues after commit, each one's routing events right after
   * its message's events, where one-by-one receiving would have published them.
   */
  private void route(Stored stored, Effects fx) {
    List<OpenChannelEvent> events = fx.events();
    List<OpenChannelEvent> stores = new ArrayList<>(events);
    events.clear();
    int from = 0;
    for (Opened o : stored.opened()) {
      events.addAll(stores.subList(from, o.eventsEnd()));
      from = o.eventsEnd();
      if (o.info().accountQueue().isPresent()) {
        engine.routing.router.enqueueNew(o.info(), fx);
      }
    }
    events.addAll(stores.subList(from, stores.size()));
  }

  private static void requireEnabled(Account account, int i, int n, InboundMessage in) {
    try {
      InboundService.requireEnabled(account);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(which(i, n, in) + ": " + e.getMessage()
          + "; nothing of the batch was stored", e);
    }
  }

  private static String which(int i, int n, InboundMessage in) {
    return "message " + (i + 1) + " of " + n + " in the batch (channel message id \""
        + in.channelMessageId() + "\")";
  }
}
