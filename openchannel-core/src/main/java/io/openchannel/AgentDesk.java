package io.openchannel;

import io.openchannel.account.AccountId;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageTemplate;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.QueueId;
import io.openchannel.spi.directory.Recipient;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptOptions;
import io.openchannel.transcript.TranscriptRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * What one agent can do. Actions on an interaction need the agent to own it (by accepting an
 * offer, or {@link OpenChannel#assign}); otherwise {@link PermissionDeniedException}. Messages to
 * the customer follow the channel's rules ({@link io.openchannel.policy.ChannelPolicy}: messaging
 * windows, text and attachment limits) and are refused with {@link SendNotAllowedException},
 * {@link InvalidInputException} or {@link AttachmentRejectedException} before anything is
 * stored; allowed ones are stored {@code QUEUED} and sent in order. Thread-safe; each call is
 * atomic.
 */
public interface AgentDesk {
  /** The agent this desk belongs to. */
  AgentId agent();

  /**
   * A transcript of any interaction, open or closed (S22): contact, account, agents, every
   * message with its time in {@code options}' zone, direction, sender, attachment, delivery
   * status and failure reason, the disposition, and internal notes only if the options ask for
   * them. Read in one transaction. Unlike the actions below it does not need the agent to own the
   * interaction, only the permission, as a supervisor downloads transcripts of any interaction.
   *
   * @throws PermissionDeniedException if the agent lacks
   *     {@link io.openchannel.routing.Permission#TRANSCRIPT_DOWNLOAD}; checked first, so it also
   *     hides whether the interaction exists
   * @throws NotFoundException if there is no such interaction
   */
  Transcript transcript(InteractionId interaction, TranscriptOptions options);

  /**
   * Writes the interaction's transcript with {@code renderer} to {@code out}: the download. The
   * permission is checked and the transcript built before the first byte is written, so a refusal
   * writes nothing.
   *
   * @throws PermissionDeniedException if the agent lacks
   *     {@link io.openchannel.routing.Permission#TRANSCRIPT_DOWNLOAD}
   * @throws NotFoundException if there is no such interaction
   * @throws IOException if writing to {@code out} fails
   */
  default Transcript writeTranscript(InteractionId interaction, TranscriptOptions options,
      TranscriptRenderer renderer, OutputStream out) throws IOException {
    io.openchannel.internal.util.Checks.notNull(renderer, "renderer");
    io.openchannel.internal.util.Checks.notNull(out, "out");
    Transcript transcript = transcript(interaction, options);
    renderer.render(transcript, out);
    return transcript;
  }

  /**
   * Sends text; emoticons and any Unicode are stored exactly as given (S10).
   *
   * @throws InvalidInputException if the text is blank, longer than the channel allows or not
   *     well-formed Unicode
   * @throws SendNotAllowedException if the channel's rules refuse it now (for example Messenger
   *     more than 24 hours after the customer's last message); the message says why and until when
   * @throws ReplyDisabledException if the account has no Reply URL (S25)
   * @throws IllegalTransitionException if the interaction is closed
   */
  Message sendText(InteractionId interaction, String text);

  /**
   * Sends an approved message template: on WhatsApp the only message allowed outside the 24-hour
   * customer-service window.
   *
   * @throws SendNotAllowedException if the channel has no templates
   */
  Message sendTemplate(InteractionId interaction, MessageTemplate template);

  /**
   * Sends a canned answer with its variables filled from the contact, the agent and the account.
   *
   * @throws NotFoundException if there is no such canned answer
   * @throws InvalidInputException if it renders to blank text for this contact
   */
  Message sendCanned(InteractionId interaction, CannedAnswerId cannedAnswer);

  /**
   * Sends one file, with optional caption text (empty for none).
   *
   * @throws AttachmentRejectedException if the account disables attachments, the channel does
   *     not accept the file's type, or the file is larger than the smaller of the account's limit
   *     (default 15 MB) and the channel's for that kind of media; nothing is kept
   */
  Message sendAttachment(InteractionId interaction, AttachmentUpload file, String caption);

  /**
   * Sends a recorded voice message (an {@code audio/*} file).
   *
   * @throws InvalidInputException if the file is not audio
   * @throws AttachmentRejectedException as for {@link #sendAttachment}
   */
  Message sendVoice(InteractionId interaction, AttachmentUpload audio);

  /**
   * Adds an internal note: shown to agents, never sent, never the view's last message (S11).
   * Allowed even when the account has no Reply URL.
   */
  Message addNote(InteractionId interaction, String text);

  /**
   * Sends a {@code FAILED} message again (the agent's "retry" next to the single checkmark).
   *
   * @throws IllegalTransitionException if the message is not {@code FAILED} or the interaction
   *     is closed
   * @throws NotFoundException if there is no such message
   */
  Message retry(MessageId message);

  /** Marks the interaction read. Allowed on closed interactions. */
  Interaction markRead(InteractionId interaction);

  /** Marks the interaction unread. Allowed on closed interactions. */
  Interaction markUnread(InteractionId interaction);

  /**
   * Adds tags (already present ones are ignored). Allowed on closed interactions.
   *
   * @throws InvalidInputException if a tag list is configured and a tag is not in it
   */
  Interaction addTags(InteractionId interaction, Set<Tag> tags);

  /** Removes tags (absent ones are ignored). Allowed on closed interactions. */
  Interaction removeTags(InteractionId interaction, Set<Tag> tags);

  /**
   * Closes the interaction (S13).
   *
   * @throws IllegalTransitionException if it is already closed
   */
  Interaction close(InteractionId interaction);

  /**
   * Closes the interaction with a disposition from the configured list (S13, S24).
   *
   * @throws InvalidInputException if the disposition is not in the list; the message lists them
   */
  Interaction closeAndDispose(InteractionId interaction, DispositionId disposition);

  /** This agent's pending offers, oldest first (see {@link io.openchannel.routing.Routing}). */
  List<Offer> pendingOffers();

  /**
   * Accepts one of this agent's offers: the interaction becomes theirs (S7).
   *
   * @throws PermissionDeniedException if the offer was made to another agent
   * @throws NotFoundException if the offer is unknown
   * @throws IllegalTransitionException if it is no longer pending (for example another agent took
   *     the interaction first); nothing changes
   */
  Interaction accept(OfferId offer);

  /**
   * Rejects one of this agent's offers; it goes to another agent of the queue (S6).
   *
   * @throws PermissionDeniedException if the offer was made to another agent
   * @throws NotFoundException if the offer is unknown
   * @throws IllegalTransitionException if it is no longer pending
   */
  Offer reject(OfferId offer);

  /**
   * Transfers an interaction this agent owns to a queue (S14); see
   * {@link io.openchannel.routing.Routing#transferToQueue}.
   */
  Interaction transferToQueue(InteractionId interaction, QueueId queue);

  /**
   * Transfers an interaction this agent owns to another agent (S14); see
   * {@link io.openchannel.routing.Routing#transferToAgent}.
   */
  Offer transferToAgent(InteractionId interaction, AgentId to);

  /**
   * Suggests recipients of one of the agent's accounts whose map field starts with
   * {@code prefix} (S26).
   *
   * @throws InvalidInputException if the prefix has fewer than three letters or digits
   * @throws PermissionDeniedException if the agent may not use the account
   */
  List<Recipient> searchRecipients(AccountId account, String prefix);

  /**
   * Starts an outbound interaction with a recipient of the account's list and sends the first
   * message (S26). The agent owns the new interaction.
   *
   * @throws PermissionDeniedException if the agent lacks the OUTBOUND permission or may not use
   *     the account
   * @throws ReplyDisabledException if the account has no Reply URL (S25)
   * @throws NotFoundException if the address is not in the account's recipient list
   * @throws IllegalTransitionException if the recipient already has an open interaction there
   * @throws SendNotAllowedException if the channel does not let a business write first
   *     (Messenger, Instagram, Telegram, Viber) or needs a template (WhatsApp)
   */
  Interaction startInteraction(AccountId account, String recipientAddress, String text);

  /**
   * Starts an outbound interaction whose first message is an approved template: how a business
   * writes first on WhatsApp. Otherwise as {@link #startInteraction(AccountId, String, String)}.
   */
  Interaction startInteraction(AccountId account, String recipientAddress, MessageTemplate template);
}
