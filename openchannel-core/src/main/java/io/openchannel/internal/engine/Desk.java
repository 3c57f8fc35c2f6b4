package io.openchannel.internal.engine;

import io.openchannel.AgentDesk;
import io.openchannel.AttachmentRejectedException;
import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.ReplyDisabledException;
import io.openchannel.SendNotAllowedException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.event.TagsChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.CannedAnswer;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Permission;
import io.openchannel.routing.QueueId;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.spi.directory.Recipient;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptOptions;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.ChannelLimits;
import io.openchannel.policy.ChannelPolicies;
import io.openchannel.policy.SendDecision;
import io.openchannel.policy.SendKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** One agent's actions. Each public method is one transaction. */
final class Desk implements AgentDesk {
  private final Engine engine;
  private final AgentId agentId;

  Desk(Engine engine, AgentId agentId) {
    this.engine = engine;
    this.agentId = agentId;
  }

  @Override
  public AgentId agent() {
    return agentId;
  }

  @Override
  public Transcript transcript(InteractionId interaction, TranscriptOptions options) {
    Checks.notNull(interaction, "interaction");
    Checks.notNull(options, "options");
    return new TranscriptBuilder(engine).build(agentId, interaction, options);
  }

  @Override
  public Message sendText(InteractionId interaction, String text) {
    Checks.text(text, "text", false);
    return send(interaction, Draft.text(text, false));
  }

  @Override
  public Message sendCanned(InteractionId interactionId, CannedAnswerId cannedId) {
    Checks.notNull(cannedId, "cannedAnswer");
    CannedAnswer canned = engine.cannedAnswer(cannedId)
        .orElseThrow(() -> new NotFoundException("no canned answer " + cannedId + "; configured: "
            + engine.config.cannedAnswers().stream().map(a -> a.id().value())
                .collect(Collectors.joining(", "))));
    return act(interactionId, (work, interaction) -> {
      requireOpen(interaction);
      Account account = Engine.requireAccount(work, interaction.account());
      requireCanSend(account);
      Contact contact = work.tx().contacts().find(interaction.contact()).orElseThrow();
      Agent agent = Engine.requireAgent(work, agentId);
      String text = canned.render(TemplateValues.of(contact, agent, account));
      if (text.isBlank()) {
        throw new InvalidInputException("canned answer " + cannedId
            + " renders to blank text for contact " + contact.id() + "; fill the contact's fields");
      }
      return appendOutbound(work, interaction, Draft.text(text, true));
    });
  }

  @Override
  public Message sendAttachment(InteractionId interaction, AttachmentUpload file, String caption) {
    Checks.notNull(file, "file");
    Checks.text(caption, "caption", true);
    return sendFile(interaction, file, caption, MessageKind.ATTACHMENT);
  }

  @Override
  public Message sendVoice(InteractionId interaction, AttachmentUpload audio) {
    Checks.notNull(audio, "audio");
    if (!audio.contentType().regionMatches(true, 0, "audio/", 0, 6)) {
      throw new InvalidInputException("a voice message must be audio (audio/ogg, audio/mpeg...), got "
          + audio.contentType());
    }
    return sendFile(interaction, audio, "", MessageKind.VOICE);
  }

  @Override
  public Message addNote(InteractionId interactionId, String text) {
    Checks.text(text, "note", false);
    return act(interactionId, (work, interaction) -> {
      requireOpen(interaction);
      Instant now = engine.now();
      Message note = work.tx().messages().insert(OutboundMessages.note(
          MessageId.of(engine.ids.next()), interaction.id(), interaction.account(), agentId, text, now));
      // A note never becomes the last message (S16), so the interaction itself is unchanged.
      work.publish(new MessageAdded(now, interaction.id(), note));
      return note;
    });
  }

  @Override
  public Interaction markRead(InteractionId interaction) {
    return setRead(interaction, true);
  }

  @Override
  public Interaction markUnread(InteractionId interaction) {
    return setRead(interaction, false);
  }

  private Interaction setRead(InteractionId interactionId, boolean read) {
    return act(interactionId, (work, interaction) -> {
      if (interaction.read() == read) {
        return interaction;
      }
      Interaction changed = work.tx().interactions().update(interaction.withRead(read));
      work.publish(new ReadStateChanged(engine.now(), interactionId, read, Optional.of(agentId)));
      return changed;
    });
  }

  @Override
  public Interaction addTags(InteractionId interactionId, Set<Tag> tags) {
    Set<Tag> adding = checkTags(tags);
    Set<Tag> allowed = engine.config.allowedTags();
    if (!allowed.isEmpty()) {
      for (Tag t : adding) {
        if (!allowed.contains(t)) {
          throw new InvalidInputException("tag " + Checks.quote(t.name())
              + " is not in the configured list; allowed tags: "
              + new TreeSet<>(allowed).stream().map(Tag::name).collect(Collectors.joining(", ")));
        }
      }
    }
    return changeTags(interactionId, current -> {
      TreeSet<Tag> next = new TreeSet<>(current);
      next.addAll(adding);
      return next;
    });
  }

  @Override
  public Interaction removeTags(InteractionId interactionId, Set<Tag> tags) {
    Set<Tag> removing = checkTags(tags);
    return changeTags(interactionId, current -> {
      TreeSet<Tag> next = new TreeSet<>(current);
      next.removeAll(removing);
      return next;
    });
  }

  private Interaction changeTags(InteractionId interactionId,
      java.util.function.UnaryOperator<Set<Tag>> change) {
    return act(interactionId, (work, interaction) -> {
      Set<Tag> next = change.apply(interaction.tags());
      if (next.equals(interaction.tags())) {
        return interaction;
      }
      Interaction changed = work.tx().interactions().update(interaction.withTags(next));
      work.publish(new TagsChanged(engine.now(), interactionId, changed.tags(), agentId));
      return changed;
    });
  }

  private static Set<Tag> checkTags(Set<Tag> tags) {
    Checks.notNull(tags, "tags");
    tags.forEach(t -> Checks.notNull(t, "tag"));
    return Set.copyOf(tags);
  }

  @Override
  public Interaction close(InteractionId interactionId) {
    Checks.notNull(interactionId, "interaction");
    return engine.closeRouted(interactionId, work -> engine.closeIn(work, owned(work, interactionId),
        Optional.of(agentId), Optional.empty()));
  }

  @Override
  public Interaction closeAndDispose(InteractionId interactionId, DispositionId disposition) {
    Checks.notNull(disposition, "disposition");
    engine.config.dispositions().require(disposition);
    Checks.notNull(interactionId, "interaction");
    return engine.closeRouted(interactionId, work -> engine.closeIn(work, owned(work, interactionId),
        Optional.of(agentId), Optional.of(disposition)));
  }

  @Override
  public Interaction accept(OfferId offer) {
    requireOwnOffer(offer);
    return engine.routing.accept(offer);
  }

  @Override
  public Offer reject(OfferId offer) {
    requireOwnOffer(offer);
    return engine.routing.reject(offer);
  }

  @Override
  public List<Offer> pendingOffers() {
    return engine.routing.pendingOffers(agentId);
  }

  @Override
  public Interaction transferToQueue(InteractionId interaction, QueueId queue) {
    return engine.routing.transferToQueue(interaction, queue, agentId);
  }

  @Override
  public Offer transferToAgent(InteractionId interaction, AgentId to) {
    return engine.routing.transferToAgent(interaction, to, agentId);
  }

  private void requireOwnOffer(OfferId offer) {
    Checks.notNull(offer, "offer");
    Offer o = engine.routing.offer(offer)
        .orElseThrow(() -> new NotFoundException("no offer " + offer + " (unknown, or ended long ago)"));
    if (!o.agent().equals(agentId)) {
      throw new PermissionDeniedException("offer " + offer + " was made to " + o.agent()
          + ", not to " + agentId);
    }
  }

  @Override
  public List<Recipient> searchRecipients(AccountId accountId, String prefix) {
    return new OutboundStart(engine, this).searchRecipients(accountId, prefix);
  }

  @Override
  public Interaction startInteraction(AccountId accountId, String recipientAddress, String text) {
    Checks.text(text, "text", false);
    return new OutboundStart(engine, this).start(accountId, recipientAddress,
        Draft.text(text, false));
  }

  @Override
  public Interaction startInteraction(AccountId accountId, String recipientAddress,
      MessageTemplate template) {
    Checks.notNull(template, "template");
    return new OutboundStart(engine, this).start(accountId, recipientAddress,
        Draft.template(template));
  }

  @Override
  public Message sendTemplate(InteractionId interaction, MessageTemplate template) {
    Checks.notNull(template, "template");
    return send(interaction, Draft.template(template));
  }

  private Message sendFile(InteractionId interactionId, AttachmentUpload file, String caption,
      MessageKind kind) {
    // Check everything that does not need the bytes first, so a refused call uploads nothing.
    Account account = engine.transactions.read(tx -> {
      Interaction interaction = tx.interactions().find(interactionId)
          .orElseThrow(() -> new NotFoundException("no interaction " + interactionId));
      requireOwner(interaction);
      requireOpen(interaction);
      Account a = tx.accounts().find(interaction.account()).orElseThrow();
      requireCanSend(a);
      Conversation c = tx.conversations().find(interaction.conversation()).orElseThrow();
      ChannelPolicies.decide(SendRules.context(a, c, SendKind.AGENT_MESSAGE, engine.now()))
          .orElseThrow();
      return a;
    });
    if (!account.settings().attachmentsEnabled()) {
      throw new AttachmentRejectedException("attachments are disabled on account " + account.id()
          + "; enable them in its settings or send text");
    }
    ChannelLimits limits = ChannelLimits.forChannel(account.type());
    limits.checkText(caption, true);
    long maxBytes = limits.maxAttachmentBytes(file.contentType(), account.maxAttachmentBytes());
    Attachment attachment = engine.attachments.store(file.fileName(), file.contentType(),
        file.content(), maxBytes, "account " + account.id() + " for " + file.contentType());
    try {
      return send(interactionId, new Draft(kind, caption, Optional.of(attachment), false,
          Optional.empty()));
    } catch (RuntimeException e) {
      engine.attachments.discard(Optional.of(attachment));
      throw e;
    }
  }

  private Message send(InteractionId interactionId, Draft draft) {
    return act(interactionId, (work, interaction) -> appendOutbound(work, interaction, draft));
  }

  /** Stores an agent's message for the customer, if the channel's rules allow it now. */
  Message appendOutbound(Transactions.Work work, Interaction interaction, Draft draft) {
    requireOpen(interaction);
    Account account = Engine.requireAccount(work, interaction.account());
    requireCanSend(account);
    if (draft.template().isEmpty()) {
      ChannelLimits.forChannel(account.type()).checkText(draft.text(), draft.attachment().isPresent());
    }
    Instant now = engine.now();
    Conversation conversation = work.tx().conversations().find(interaction.conversation()).orElseThrow();
    SendDecision.Allowed terms = SendRules.permit(work, account, conversation,
        draft.template().isPresent() ? SendKind.TEMPLATE : SendKind.AGENT_MESSAGE, now);
    Message message = work.tx().messages().insert(OutboundMessages.byAgent(
        MessageId.of(engine.ids.next()), interaction.id(), account.id(), agentId, draft.kind(),
        draft.text(), draft.attachment(), draft.canned(), draft.template(), terms, now));
    work.tx().interactions().update(
        interaction.withLastMessage(InboundService.lastMessageOf(message)));
    work.publish(new MessageAdded(now, interaction.id(), message));
    work.afterCommit(() -> engine.dispatcher.dispatchSoon(interaction.id()));
    return message;
  }

  /** What an agent's message will be, before the rules allow it. */
  record Draft(MessageKind kind, String text, Optional<Attachment> attachment, boolean canned,
      Optional<MessageTemplate> template) {
    static Draft text(String text, boolean canned) {
      return new Draft(MessageKind.TEXT, text, Optional.empty(), canned, Optional.empty());
    }

    static Draft template(MessageTemplate template) {
      return new Draft(MessageKind.TEMPLATE, template.preview(), Optional.empty(), false,
          Optional.of(template));
    }
  }

  @Override
  public Message retry(MessageId messageId) {
    Checks.notNull(messageId, "message");
    Message failed = engine.transactions.read(tx -> tx.messages().find(messageId))
        .orElseThrow(() -> new NotFoundException("no message " + messageId));
    return act(failed.interaction(), (work, interaction) -> {
      requireOpen(interaction);
      Account account = Engine.requireAccount(work, interaction.account());
      requireCanSend(account);
      Message current = work.tx().messages().find(messageId).orElseThrow();
      if (!current.deliveryStatus().equals(Optional.of(DeliveryStatus.FAILED))) {
        throw new IllegalTransitionException("message " + messageId + " is "
            + current.deliveryStatus().map(Enum::name).orElse("not sent to the channel")
            + "; only a FAILED message can be retried");
      }
      Message queued = work.tx().messages().update(
          current.withDelivery(DeliveryStatus.QUEUED, Optional.empty(), Optional.empty()));
      work.publish(new DeliveryStatusChanged(engine.now(), interaction.id(), messageId,
          DeliveryStatus.QUEUED, Optional.empty()));
      work.afterCommit(() -> engine.dispatcher.dispatchSoon(interaction.id()));
      return queued;
    });
  }

  /**
   * The interaction, checked to be the agent's, inside a transaction. The agent is not read:
   * the desk was made for an existing agent, and agents are never deleted.
   */
  private Interaction owned(Transactions.Work work, InteractionId interactionId) {
    Interaction interaction = Engine.requireInteraction(work, interactionId);
    requireOwner(interaction);
    return interaction;
  }

  /** Runs an action on an interaction the agent owns, in one transaction. */
  private <T> T act(InteractionId interactionId, BiFunction<Transactions.Work, Interaction, T> action) {
    Checks.notNull(interactionId, "interaction");
    return engine.transactions.write(engine.lockKey(interactionId),
        work -> action.apply(work, owned(work, interactionId)));
  }

  private void requireOwner(Interaction interaction) {
    if (!interaction.owner().equals(Optional.of(agentId))) {
      throw new PermissionDeniedException("agent " + agentId + " does not own interaction "
          + interaction.id() + " (owner: " + interaction.owner().map(AgentId::value).orElse("nobody")
          + "); it must be assigned to them first");
    }
  }

  static void requireOpen(Interaction interaction) {
    if (!interaction.isOpen()) {
      throw new IllegalTransitionException("interaction " + interaction.id()
          + " is closed; nothing more can be sent on it (the customer's next message opens a new one)");
    }
  }

  static void requireCanSend(Account account) {
    if (!account.enabled()) {
      throw new SendNotAllowedException("account " + account.id() + " is disabled; enable it to send",
          io.openchannel.policy.DenialReason.ACCOUNT_DISABLED, Optional.empty());
    }
    if (!account.settings().replyEnabled()) {
      throw new ReplyDisabledException("account " + account.id()
          + " has no Reply URL, so agents can neither reply nor start interactions on it;"
          + " set one in its settings");
    }
  }

  static void requireMayUse(Agent agent, Account account) {
    if (!agent.mayUse(account.id())) {
      throw new PermissionDeniedException("agent " + agent.id() + " may not use account "
          + account.id() + "; add it to the agent's accounts");
    }
  }
}
