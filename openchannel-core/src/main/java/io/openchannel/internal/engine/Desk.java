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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** One agent's actions. Each public method is one transaction. */
final class Desk implements AgentDesk {
  /** How many suggestions a recipient search returns at most. */
  static final int MAX_SUGGESTIONS = 20;

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
  public Message sendText(InteractionId interaction, String text) {
    Checks.text(text, "text", false);
    return send(interaction, MessageKind.TEXT, text, Optional.empty(), false);
  }

  @Override
  public Message sendCanned(InteractionId interactionId, CannedAnswerId cannedId) {
    Checks.notNull(cannedId, "cannedAnswer");
    CannedAnswer canned = engine.config.cannedAnswers().stream()
        .filter(a -> a.id().equals(cannedId)).findFirst()
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
      return appendOutbound(work, interaction, MessageKind.TEXT, text, Optional.empty(), true);
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
    Checks.notNull(accountId, "account");
    Checks.notNull(prefix, "prefix");
    long significant = prefix.codePoints().filter(Character::isLetterOrDigit).count();
    if (significant < 3) {
      throw new InvalidInputException("type at least three letters or digits to search recipients, got "
          + Checks.quote(prefix));
    }
    Agent agent = engine.agents().get(agentId);
    Account account = engine.accounts().get(accountId);
    requireMayUse(agent, account);
    return engine.config.recipientDirectory().search(accountId, prefix.strip(), MAX_SUGGESTIONS);
  }

  @Override
  public Interaction startInteraction(AccountId accountId, String recipientAddress, String text) {
    Checks.notNull(accountId, "account");
    Checks.identifier(recipientAddress, "recipientAddress", 256);
    Checks.text(text, "text", false);
    Agent agent = engine.agents().get(agentId);
    if (!agent.has(Permission.OUTBOUND)) {
      throw new PermissionDeniedException("agent " + agentId
          + " lacks the OUTBOUND permission needed to start interactions");
    }
    Account account = engine.accounts().get(accountId);
    requireMayUse(agent, account);
    requireCanSend(account);
    Recipient recipient = engine.config.recipientDirectory().find(accountId, recipientAddress)
        .orElseThrow(() -> new NotFoundException(Checks.quote(recipientAddress)
            + " is not in the recipient list of account " + accountId
            + "; pick one from searchRecipients()"));
    ConversationKey key = ConversationKey.direct(accountId, recipient.address());
    Object[] routed = new Object[2];
    return engine.routing.write(key.toString(), false, work -> {
      Account current = Engine.requireAccount(work, accountId);
      requireCanSend(current);
      Instant now = engine.now();
      Conversation conversation = work.tx().conversations().findByKey(key).orElse(null);
      if (conversation == null) {
        Contact contact = engine.contacts.resolve(work, current, recipient.address(),
            Optional.ofNullable(recipient.fields().get("first_name")).or(() -> Optional.of(recipient.displayName())),
            Optional.ofNullable(recipient.fields().get("last_name")), recipient.fields(), now);
        conversation = work.tx().conversations().insert(new Conversation(
            ConversationId.of(engine.ids.next()), key, contact.id(), Optional.empty(), 0, 0, now, 0));
      } else if (conversation.openInteraction().isPresent()) {
        throw new IllegalTransitionException(recipient.displayName() + " already has open interaction "
            + conversation.openInteraction().get() + " on account " + accountId
            + "; answer there instead");
      }
      Interaction interaction = Interaction.open(InteractionId.of(engine.ids.next()), conversation,
          Direction.OUT, now).withOwner(agentId);
      work.tx().interactions().insert(interaction);
      conversation = work.tx().conversations().update(conversation.withOpened(interaction.id(), true));
      Contact contact = work.tx().contacts().find(conversation.contact()).orElseThrow();
      work.publish(new InteractionOpened(now, interaction.id(), conversation.id(), accountId,
          contact.id(), contact.displayName(), key.visibility(), Direction.OUT,
          conversation.unmanagedCount()));
      work.publish(new InteractionAssigned(now, interaction.id(), agentId, Optional.empty(), true));
      appendOutbound(work, interaction, MessageKind.TEXT, text, Optional.empty(), false);
      Interaction started = Engine.requireInteraction(work, interaction.id());
      routed[0] = RoutingService.infoOf(work, started);
      routed[1] = Engine.requireAgent(work, agentId);
      return started;
    }, (started, fx) -> engine.routing.router.assigned((RoutingInfo) routed[0], (Agent) routed[1], fx));
  }

  private Message sendFile(InteractionId interactionId, AttachmentUpload file, String caption,
      MessageKind kind) {
    // Check everything that does not need the bytes first, so a refused call uploads nothing.
    Account account = engine.transactions.read(tx -> {
      Interaction interaction = tx.interactions().find(interactionId)
          .orElseThrow(() -> new NotFoundException("no interaction " + interactionId));
      requireOwner(interaction);
      requireOpen(interaction);
      return tx.accounts().find(interaction.account()).orElseThrow();
    });
    requireCanSend(account);
    if (!account.settings().attachmentsEnabled()) {
      throw new AttachmentRejectedException("attachments are disabled on account " + account.id()
          + "; enable them in its settings or send text");
    }
    Attachment attachment = engine.attachments.store(file.fileName(), file.contentType(),
        file.content(), account.maxAttachmentBytes(), "account " + account.id());
    try {
      return send(interactionId, kind, caption, Optional.of(attachment), false);
    } catch (RuntimeException e) {
      engine.attachments.discard(Optional.of(attachment));
      throw e;
    }
  }

  private Message send(InteractionId interactionId, MessageKind kind, String text,
      Optional<Attachment> attachment, boolean canned) {
    return act(interactionId, (work, interaction) ->
        appendOutbound(work, interaction, kind, text, attachment, canned));
  }

  private Message appendOutbound(Transactions.Work work, Interaction interaction, MessageKind kind,
      String text, Optional<Attachment> attachment, boolean canned) {
    requireOpen(interaction);
    Account account = Engine.requireAccount(work, interaction.account());
    requireCanSend(account);
    Instant now = engine.now();
    Message message = work.tx().messages().insert(OutboundMessages.byAgent(
        MessageId.of(engine.ids.next()), interaction.id(), account.id(), agentId, kind, text,
        attachment, canned, now));
    work.tx().interactions().update(
        interaction.withLastMessage(InboundService.lastMessageOf(message)));
    work.publish(new MessageAdded(now, interaction.id(), message));
    return message;
  }

  /** The interaction, checked to be the agent's, inside a transaction. */
  private Interaction owned(Transactions.Work work, InteractionId interactionId) {
    Engine.requireAgent(work, agentId);
    Interaction interaction = Engine.requireInteraction(work, interactionId);
    requireOwner(interaction);
    return interaction;
  }

  /** Runs an action on an interaction the agent owns, in one transaction. */
  private <T> T act(InteractionId interactionId, BiFunction<Transactions.Work, Interaction, T> action) {
    Checks.notNull(interactionId, "interaction");
    return engine.transactions.write(engine.lockKey(interactionId), work -> {
      Engine.requireAgent(work, agentId);
      Interaction interaction = Engine.requireInteraction(work, interactionId);
      requireOwner(interaction);
      return action.apply(work, interaction);
    });
  }

  private void requireOwner(Interaction interaction) {
    if (!interaction.owner().equals(Optional.of(agentId))) {
      throw new PermissionDeniedException("agent " + agentId + " does not own interaction "
          + interaction.id() + " (owner: " + interaction.owner().map(AgentId::value).orElse("nobody")
          + "); it must be assigned to them first");
    }
  }

  private static void requireOpen(Interaction interaction) {
    if (!interaction.isOpen()) {
      throw new IllegalTransitionException("interaction " + interaction.id()
          + " is closed; nothing more can be sent on it (the customer's next message opens a new one)");
    }
  }

  private static void requireCanSend(Account account) {
    if (!account.enabled()) {
      throw new SendNotAllowedException("account " + account.id() + " is disabled; enable it to send");
    }
    if (!account.settings().replyEnabled()) {
      throw new ReplyDisabledException("account " + account.id()
          + " has no Reply URL, so agents can neither reply nor start interactions on it;"
          + " set one in its settings");
    }
  }

  private static void requireMayUse(Agent agent, Account account) {
    if (!agent.mayUse(account.id())) {
      throw new PermissionDeniedException("agent " + agent.id() + " may not use account "
          + account.id() + "; add it to the agent's accounts");
    }
  }
}
