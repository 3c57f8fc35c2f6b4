package io.openchannel;

import io.openchannel.account.AccountId;
import io.openchannel.account.Accounts;
import io.openchannel.contact.Contacts;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Interactions;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.CannedAnswer;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Agents;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.routing.Queues;
import io.openchannel.routing.Routing;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The engine a host embeds: customers' messages come in through {@link #receive} or
 * {@link #handleWebhook}, agents act through their {@link #desk(AgentId) desk}, their messages
 * go out through the account's {@link io.openchannel.spi.channel.ChannelConnector} (stored
 * first, then sent in order, retried on transient failures), and everything that happens is told
 * to the builder's {@link io.openchannel.event.EventListener}s.
 *
 * <pre>{@code
 * OpenChannel oc = OpenChannel.builder().build();   // state in memory, files under the temp dir
 * oc.accounts().create(Account.of(AccountId.of("fb"), ChannelType.FACEBOOK_MESSENGER, "Shop",
 *     AccountSettings.builder().replyUrl("https://connector.example/reply").build()));
 * oc.agents().create(Agent.of(AgentId.of("ann"), "Ann"));
 * ReceiveResult in = oc.receive(AccountId.of("fb"),
 *     InboundMessage.text("m1", SenderProfile.of("psid-1", "Mia", "Rossi"), "Hi!", Instant.now()));
 * oc.assign(in.interaction().id(), AgentId.of("ann"));
 * oc.desk(AgentId.of("ann")).sendText(in.interaction().id(), "Hello Mia, how can I help?");
 * }</pre>
 *
 * <p>Every method is thread-safe and atomic: when it throws, nothing was written.
 */
public interface OpenChannel extends AutoCloseable {

  /** A builder; {@code build()} with no settings gives an in-memory engine on the system clock. */
  static OpenChannelBuilder builder() {
    return new OpenChannelBuilder();
  }

  /** Accounts (S1). */
  Accounts accounts();

  /** Agents. */
  Agents agents();

  /** Queues: where new interactions wait to be offered to agents (S3). */
  Queues queues();

  /** Routing: presence, capacity, offers, transfers (S3, S4, S6, S7, S14). */
  Routing routing();

  /** The Contacts Manager (S5). */
  Contacts contacts();

  /** Conversations, interactions and their messages. */
  Interactions interactions();

  /** The configured dispositions. */
  Dispositions dispositions();

  /** The configured canned answers, in configured order. */
  List<CannedAnswer> cannedAnswers();

  /** The configured canned answer with that id, if any. */
  Optional<CannedAnswer> cannedAnswer(CannedAnswerId id);

  /**
   * Stores a customer's message (S2, S5, S19): matches or creates the contact, joins the
   * conversation's open interaction or opens a new one (with the account's auto-reply, S27), and
   * tells the listeners. Receiving the same channel message id again stores nothing and returns
   * the stored message with {@link ReceiveResult#duplicate()} set.
   *
   * @throws NotFoundException if the account does not exist
   * @throws InvalidInputException if the account is disabled or the message is malformed
   * @throws AttachmentRejectedException if the file is larger than the channel allows
   */
  ReceiveResult receive(AccountId account, InboundMessage message);

  /**
   * Stores a batch of customers' messages on one account (say, the messages of one webhook
   * delivery) in one transaction, with the meaning of {@link #receive} called for each in turn:
   * the same contacts, conversations, interactions and auto-replies, the same events in the same
   * order, and the same dedupe, also between messages of the batch (a channel message id seen
   * earlier in the batch makes a duplicate). All or nothing: when it throws, nothing of the batch
   * was stored. Much cheaper per message than {@link #receive} on a database store, which sees a
   * handful of statements per batch instead of a dozen round trips per message.
   *
   * @param messages at most 1,000 messages, in the order the channel sent them
   * @return one result per message, in the order given; each interaction as that message left it
   * @throws NotFoundException if the account does not exist
   * @throws InvalidInputException if the account is disabled (and the batch holds a message not
   *     received before), a message is null or malformed (the message says which one), or the
   *     batch is too large
   */
  List<ReceiveResult> receiveAll(AccountId account, List<InboundMessage> messages);

  /**
   * Hands a raw webhook request to the connector of the account's channel, which verifies and
   * parses it, then receives every message it carried, in order: each run of messages between
   * two receipts as one batch ({@link #receiveAll}).
   *
   * @return what to answer the channel
   * @throws NotFoundException if the account does not exist
   * @throws WebhookVerificationException if the request fails verification; nothing is stored
   * @throws InvalidInputException if no connector serves the account's channel type, or the body
   *     is malformed
   */
  WebhookResponse handleWebhook(AccountId account, WebhookRequest request);

  /**
   * Whether the interaction's owner may write to the customer now, for the UI to enable or grey
   * the text area (S20, S25): {@link SendDecision.Allowed} with how and until when, or
   * {@link SendDecision.Denied} with the reason, a message to show and, when known, when that
   * changes (an empty {@code until} on a denial means "until the customer writes again"). It
   * answers for a free-form agent message: on WhatsApp outside the window the answer is
   * {@code Denied(TEMPLATE_REQUIRED)}, which also means an approved template may be sent now.
   *
   * @throws NotFoundException if the interaction does not exist
   */
  SendDecision canSend(InteractionId interaction);

  /**
   * Applies a delivery or read receipt to outbound messages (S12). Receipts may come in any order
   * and repeatedly; a status never goes back. {@link #handleWebhook} applies the receipts a
   * connector parses; this is for hosts that parse their own.
   *
   * @throws NotFoundException if the account does not exist
   */
  void applyReceipt(AccountId account, DeliveryReceipt receipt);

  /**
   * What one agent can do: reply, note, tag, close (S10–S13, S26).
   *
   * @throws NotFoundException if the agent does not exist
   */
  AgentDesk desk(AgentId agent);

  /**
   * Makes {@code agent} the owner of an open interaction; the first agent to manage it is kept
   * as its first agent (S17) and the conversation's unmanaged count drops (S19). Routing does
   * this when an offer is accepted; hosts without routing call it directly. It overrides
   * routing: it does not look at presence or capacity, pending offers are rescinded
   * ({@code TAKEN_BY_OTHER_AGENT}), and the interaction counts towards the agent's capacity even
   * if that takes them over it.
   *
   * @throws NotFoundException if the interaction or agent does not exist
   * @throws IllegalTransitionException if the interaction is closed
   */
  Interaction assign(InteractionId interaction, AgentId agent);

  /**
   * Closes an interaction without an agent (for example when the host's own timeout expires).
   *
   * @throws NotFoundException if the interaction does not exist
   * @throws IllegalTransitionException if it is already closed
   */
  Interaction close(InteractionId interaction);

  /**
   * Opens an attachment's bytes; the caller closes the stream.
   *
   * @throws NotFoundException if there is no such attachment
   */
  InputStream openAttachment(AttachmentId attachment);

  /**
   * Stops handing messages to connectors, and stops the scheduler if the builder created it. Messages still queued stay in the store and are sent
   * by the next engine started on it. The store and blob store are the host's and stay open.
   */
  @Override
  void close();
}
