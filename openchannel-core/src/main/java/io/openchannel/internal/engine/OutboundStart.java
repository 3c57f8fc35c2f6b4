package io.openchannel.internal.engine;

import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.contact.Contact;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionOpened;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.routing.RoutingInfo;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Direction;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Permission;
import io.openchannel.spi.directory.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An agent starting an interaction with someone from an account's recipient list (S26). */
final class OutboundStart {
  /** How many suggestions a recipient search returns at most. */
  static final int MAX_SUGGESTIONS = 20;

  private final Engine engine;
  private final Desk desk;

  OutboundStart(Engine engine, Desk desk) {
    this.engine = engine;
    this.desk = desk;
  }

  List<Recipient> searchRecipients(AccountId accountId, String prefix) {
    Checks.notNull(accountId, "account");
    Checks.notNull(prefix, "prefix");
    long significant = prefix.codePoints().filter(Character::isLetterOrDigit).count();
    if (significant < 3) {
      throw new InvalidInputException("type at least three letters or digits to search recipients, got "
          + Checks.quote(prefix));
    }
    Agent agent = engine.agents().get(desk.agent());
    Account account = engine.accounts().get(accountId);
    Desk.requireMayUse(agent, account);
    return engine.config.recipientDirectory().search(accountId, prefix.strip(), MAX_SUGGESTIONS);
  }

  Interaction start(AccountId accountId, String recipientAddress, Desk.Draft first) {
    Checks.notNull(accountId, "account");
    Checks.identifier(recipientAddress, "recipientAddress", 256);
    Agent agent = engine.agents().get(desk.agent());
    if (!agent.has(Permission.OUTBOUND)) {
      throw new PermissionDeniedException("agent " + agent.id()
          + " lacks the OUTBOUND permission needed to start interactions");
    }
    Account account = engine.accounts().get(accountId);
    Desk.requireMayUse(agent, account);
    Desk.requireCanSend(account);
    Recipient recipient = engine.config.recipientDirectory().find(accountId, recipientAddress)
        .orElseThrow(() -> new NotFoundException(Checks.quote(recipientAddress)
            + " is not in the recipient list of account " + accountId
            + "; pick one from searchRecipients()"));
    ConversationKey key = ConversationKey.direct(accountId, recipient.address());
    Object[] routed = new Object[2];
    return engine.routing.write(key.toString(), false, work -> {
      Account current = Engine.requireAccount(work, accountId);
      Instant now = engine.now();
      Conversation conversation = work.tx().conversations().findByKey(key).orElse(null);
      if (conversation == null) {
        Contact contact = engine.contacts.resolve(work, current, recipient.address(),
            Optional.ofNullable(recipient.fields().get("first_name"))
                .or(() -> Optional.of(recipient.displayName())),
            Optional.ofNullable(recipient.fields().get("last_name")), recipient.fields(), now);
        conversation = work.tx().conversations().insert(
            Conversation.start(ConversationId.of(engine.ids.next()), key, contact.id(), now));
      } else if (conversation.openInteraction().isPresent()) {
        throw new IllegalTransitionException(recipient.displayName() + " already has open interaction "
            + conversation.openInteraction().get() + " on account " + accountId
            + "; answer there instead");
      }
      Interaction interaction = Interaction.open(InteractionId.of(engine.ids.next()), conversation,
          Direction.OUT, now).withOwner(desk.agent());
      work.tx().interactions().insert(interaction);
      conversation = work.tx().conversations().update(conversation.withOpened(interaction.id(), true));
      Contact contact = work.tx().contacts().find(conversation.contact()).orElseThrow();
      work.publish(new InteractionOpened(now, interaction.id(), conversation.id(), accountId,
          contact.id(), contact.displayName(), key.visibility(), Direction.OUT,
          conversation.unmanagedCount()));
      work.publish(new InteractionAssigned(now, interaction.id(), desk.agent(), Optional.empty(), true));
      // The channel's rules decide last: a refusal (Messenger cannot write first) rolls all back.
      desk.appendOutbound(work, interaction, first);
      Interaction started = Engine.requireInteraction(work, interaction.id());
      routed[0] = RoutingService.infoOf(work, started);
      routed[1] = Engine.requireAgent(work, desk.agent());
      return started;
    }, (started, fx) -> engine.routing.router.assigned((RoutingInfo) routed[0], (Agent) routed[1], fx));
  }
}
