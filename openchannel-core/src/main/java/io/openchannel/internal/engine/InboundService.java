package io.openchannel.internal.engine;

import io.openchannel.AttachmentRejectedException;
import io.openchannel.InvalidInputException;
import io.openchannel.ReceiveResult;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;
import io.openchannel.message.Attachment;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.policy.ChannelPolicies;
import io.openchannel.policy.SendDecision;
import io.openchannel.policy.SendKind;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores customers' messages: dedupe, contact, conversation, interaction, auto-reply, events.
 */
final class InboundService {
  private static final Logger log = LoggerFactory.getLogger(InboundService.class);

  private final Engine engine;

  InboundService(Engine engine) {
    this.engine = engine;
  }

  ReceiveResult receive(AccountId accountId, InboundMessage in) {
    Checks.text(in.text(), "inbound text", in.attachment().isPresent());
    io.openchannel.account.ChannelType type = engine.channelType(accountId);
    // Without a file nothing is read before the transaction, which checks the account itself.
    Intake taken = new Intake(in.text(), Optional.empty());
    if (in.attachment().isPresent()) {
      Account account = engine.accounts().get(accountId);
      // A webhook retry: nothing to download, nothing to store, even if the account has been
      // disabled since (the channel must not keep retrying a message we already have). Without
      // an attachment nothing is saved before the transaction, which makes both checks itself.
      Optional<ReceiveResult> earlier = findDuplicate(accountId, in.channelMessageId());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      requireEnabled(account);
      taken = intake(account, in);
    }
    Intake intake = taken;
    Visibility visibility = in.visibility().orElse(type.defaultVisibility());
    ConversationKey key =
        new ConversationKey(accountId, in.sender().externalId(), visibility, in.threadId());
    Optional<Attachment> attachment = intake.attachment();
    ReceiveResult result;
    RoutingInfo[] routed = new RoutingInfo[1];
    String lockKey = key.toString();
    try {
      // The router lock is taken only after commit: nobody can route an interaction before it
      // exists, and most messages join an open interaction and need no routing at all.
      result = engine.routing.write(lockKey, false, work -> {
        ReceiveResult r = store(work, accountId, key, in, intake);
        routed[0] = r.newInteraction() ? RoutingService.infoOf(work, r.interaction()) : null;
        return r;
      }, (r, fx) -> {
        if (routed[0] != null && routed[0].accountQueue().isPresent()) {
          engine.routing.router.enqueueNew(routed[0], fx);
        }
      });
    } catch (RuntimeException e) {
      engine.attachments.discard(attachment);
      throw e;
    }
    if (result.duplicate()) {
      engine.attachments.discard(attachment); // lost a race with the same delivery
    }
    if (result.newInteraction()) {
      engine.rememberLockKey(result.interaction().id(), lockKey); // offers are accepted next
    }
    return result;
  }

  private ReceiveResult store(Transactions.Work work, AccountId accountId, ConversationKey key,
      InboundMessage in, Intake intake) {
    Optional<Attachment> attachment = intake.attachment();
    Optional<Message> duplicate =
        work.tx().messages().findByChannelMessageId(accountId, in.channelMessageId());
    if (duplicate.isPresent()) {
      return duplicateResult(work, duplicate.get());
    }
    Account account = Engine.requireAccount(work, accountId);
    requireEnabled(account);
    Instant now = engine.now();
    Conversation conversation = work.tx().conversations().findByKey(key)
        .orElseGet(() -> newConversation(work, account, key, in, now));

    boolean opened = conversation.openInteraction().isEmpty();
    Interaction interaction;
    if (opened) { // stored before the conversation that names it, as a database requires
      interaction = Interaction.open(InteractionId.of(engine.ids.next()), conversation,
          Direction.IN, now);
      work.tx().interactions().insert(interaction);
    } else {
      interaction = Engine.requireInteraction(work, conversation.openInteraction().get());
    }
    // Windows count from the channel's time of the message, which a delayed webhook retry makes
    // earlier than ours; a channel clock ahead of ours is not believed.
    Instant written = in.sentAt().isAfter(now) ? now : in.sentAt();
    // Opening and the inbound time go into one update: each update copies the conversation twice
    // (the change, then the store's version).
    Conversation touched = (opened ? conversation.withOpened(interaction.id(), false) : conversation)
        .withInbound(written);
    if (touched != conversation) { // a retry's earlier time, or the same second, changes nothing
      conversation = work.tx().conversations().update(touched);
    }
    if (opened) {
      Contact contact = work.tx().contacts().find(conversation.contact()).orElseThrow();
      work.publish(new InteractionOpened(now, interaction.id(), conversation.id(), accountId,
          contact.id(), contact.displayName(), key.visibility(), Direction.IN,
          conversation.unmanagedCount()));
    }
    MessageKind kind = attachment.isEmpty() ? MessageKind.TEXT
        : in.voice() ? MessageKind.VOICE : MessageKind.ATTACHMENT;
    Message message = work.tx().messages().insert(new Message(MessageId.of(engine.ids.next()),
        interaction.id(), accountId, Direction.IN, kind, intake.text(), attachment, Optional.empty(),
        false, false, Optional.of(in.channelMessageId()), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), now, 0));
    boolean wasRead = interaction.read();
    Interaction changed = interaction.withLastMessage(lastMessageOf(message));
    // Only a read interaction needs a second copy: new ones start unread.
    interaction = work.tx().interactions().update(wasRead ? changed.withRead(false) : changed);
    work.publish(new MessageAdded(now, interaction.id(), message));
    if (wasRead) {
      work.publish(new ReadStateChanged(now, interaction.id(), false, Optional.empty()));
    }
    if (opened) {
      sendAutoReply(work, account, conversation, interaction, now, work.tx().messages()::insert);
    }
    return new ReceiveResult(message, interaction, opened, false);
  }

  Conversation newConversation(Transactions.Work work, Account account,
      ConversationKey key, InboundMessage in, Instant now) {
    Contact contact = engine.contacts.resolve(work, account, key.address(), in.sender().firstName(),
        in.sender().lastName(), in.sender().fields(), now);
    return work.tx().conversations().insert(
        Conversation.start(ConversationId.of(engine.ids.next()), key, contact.id(), now));
  }

  /** Queues the account's auto-reply to a new interaction, stored by {@code insert}. */
  void sendAutoReply(Transactions.Work work, Account account, Conversation conversation,
      Interaction interaction, Instant now, java.util.function.UnaryOperator<Message> insert) {
    // Without a Reply URL nothing can be sent (S25), auto-replies included.
    if (account.settings().autoReply().isEmpty() || !account.settings().replyEnabled()) {
      return;
    }
    SendDecision decision = ChannelPolicies.decide(
        SendRules.context(account, conversation, SendKind.AUTO_REPLY, now));
    if (!(decision instanceof SendDecision.Allowed terms)) {
      // Only a message already outside the window can be refused here (a very late retry);
      // an auto-reply then is no use to anybody, so it is skipped rather than failed.
      return;
    }
    Message reply = insert.apply(OutboundMessages.autoReply(
        MessageId.of(engine.ids.next()), interaction.id(), account.id(),
        account.settings().autoReply().get(), terms, now));
    work.publish(new MessageAdded(now, interaction.id(), reply));
    work.afterCommit(() -> engine.dispatcher.dispatchSoon(interaction.id()));
  }

  static LastMessage lastMessageOf(Message message) {
    String preview = message.text().isBlank() && message.attachment().isPresent()
        ? message.attachment().get().fileName() : LastMessage.preview(message.text());
    return new LastMessage(message.id(), message.createdAt(), message.direction(), message.kind(),
        preview);
  }

  /** What is kept of an inbound message: its text and, if it could be taken, its file. */
  record Intake(String text, Optional<Attachment> attachment) {}

  /**
   * Copies the message's file into the blob store. A file that cannot be taken (over the
   * channel's limit, a download link that expired or failed) must cost neither the customer's
   * words nor the rest of the delivery: refusing would make the platform redeliver the same
   * webhook until it gives up (Meta then disables the subscription). So the message is kept
   * without the file and says, where the agent reads it, what was lost and why.
   */
  Intake intake(Account account, InboundMessage in) {
    if (in.attachment().isEmpty()) {
      return new Intake(in.text(), Optional.empty());
    }
    InboundAttachment file = in.attachment().get();
    long limit = account.type().maxAttachmentBytes();
    String why;
    try {
      return new Intake(in.text(), Optional.of(engine.attachments.store(file.fileName(),
          file.contentType(), file.content(), limit, account.type().displayName())));
    } catch (AttachmentRejectedException e) {
      why = "it is larger than " + account.type().displayName() + "'s " + Size.format(limit)
          + " limit";
    } catch (RuntimeException e) {
      why = "it could not be downloaded";
      log.warn("account {}: the file {} of message {} could not be downloaded; the message is kept"
          + " without it", account.id(), file.fileName(), in.channelMessageId(), e);
    }
    String note = "[" + file.fileName() + " was not received: " + why
        + "; ask the customer to send it again]";
    if (in.text().isBlank()) {
      return new Intake(note, Optional.empty());
    }
    boolean fits = in.text().length() + 1 + note.length() <= Checks.MAX_TEXT_LENGTH;
    return new Intake(fits ? in.text() + "\n" + note : in.text(), Optional.empty());
  }

  private Optional<ReceiveResult> findDuplicate(AccountId accountId, String channelMessageId) {
    return engine.transactions.read(tx -> tx.messages()
        .findByChannelMessageId(accountId, channelMessageId)
        .map(m -> new ReceiveResult(m, tx.interactions().find(m.interaction()).orElseThrow(),
            false, true)));
  }

  private static ReceiveResult duplicateResult(Transactions.Work work, Message message) {
    return new ReceiveResult(message, Engine.requireInteraction(work, message.interaction()),
        false, true);
  }

  static void requireEnabled(Account account) {
    if (!account.enabled()) {
      throw new InvalidInputException("account " + account.id()
          + " is disabled and takes no messages; enable it to receive");
    }
  }
}
