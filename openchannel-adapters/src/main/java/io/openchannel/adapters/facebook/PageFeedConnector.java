package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.GraphErrors;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.adapters.internal.meta.MultipartForm;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The Facebook Page connector: comments and visitors' posts on a Page's wall as public
 * interactions (S23). Register it with {@code OpenChannel.builder().connector(...)}; it serves
 * every {@link ChannelType#FACEBOOK_PAGE} account that has a Page in its {@link FacebookConfig}.
 *
 * <p><b>Inbound.</b> Subscribe the app's Page webhook to the {@code feed} field (the same callback
 * URL and verify token as Messenger). Handshake and signature are checked as for
 * {@link MessengerConnector}; the {@code changes[]} of this account's Page become public messages,
 * one conversation per customer and top-level comment: a comment's thread is the comment itself,
 * or its {@code parent_id} when it answers another comment; a visitor's post is its own thread.
 * Edits (the engine keeps what was first written), removals, hides, reactions and the Page's own
 * comments and posts are acknowledged and not stored. The commenter's
 * name comes with the webhook and fills a new contact.
 *
 * <p><b>Outbound.</b> An agent's reply is a public comment in the interaction's thread:
 * {@code POST /{comment-id}/comments} (or {@code /{post-id}/comments} for a visitor's post) with
 * the Page token; an image goes as a photo comment ({@code source}), other files are refused
 * because comments carry only photos. A comment's id comes back as the channel message id.
 *
 * <p><b>Private replies.</b> Meta allows one private Messenger message per comment, within 7 days
 * of it. The engine has no "private reply" action yet, so the host calls
 * {@link #sendPrivateReply} with the comment's id (the inbound message's channel message id);
 * the customer's answer arrives on Messenger and opens a private interaction there.
 *
 * <p>Thread-safe; keeps no per-message state.
 */
public final class PageFeedConnector implements ChannelConnector {
  private final FacebookConfig config;
  private final GraphApi api;
  private final MetaInbound inbound;
  private final FeedParser parser;

  /** A connector for the Pages of {@code config}. */
  public PageFeedConnector(FacebookConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.api = config.graphApi();
    this.inbound = new MetaInbound(config, "Facebook Page", "page");
    this.parser = new FeedParser(api, config.clock());
  }

  @Override
  public ChannelType type() {
    return ChannelType.FACEBOOK_PAGE;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    return inbound.handle(request, account, (entry, page) -> parser.parse(entry, page.id()));
  }

  /** Replies in public, in the interaction's comment thread. */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    Optional<MetaAccount> page = config.account(account.id());
    if (page.isEmpty()) {
      return SendResult.permanentFailure("no Facebook Page is configured for account " + account.id()
          + "; add FacebookConfig.builder().page(accountId, pageId, token)");
    }
    if (message.kind() == MessageKind.TEMPLATE) {
      return SendResult.permanentFailure("Facebook Page comments have no templates; send text instead");
    }
    if (message.to().visibility() != Visibility.PUBLIC || message.to().threadId().isEmpty()) {
      return SendResult.permanentFailure("a Facebook Page reply goes into a public comment thread; this"
          + " conversation has none (private chats with the Page go through Messenger)");
    }
    String thread = message.to().threadId().get();
    try {
      GraphResponse response;
      if (message.attachment().isEmpty()) {
        response = api.postJson(page.get().token(),
            JsonNodeFactory.instance.objectNode().put("message", message.text()), thread, "comments");
      } else {
        Attachment file = message.attachment().get();
        if (!file.contentType().startsWith("image/")) {
          return SendResult.permanentFailure("Facebook comments carry only photos, not "
              + file.contentType() + "; send a link to the file instead");
        }
        MultipartForm form = new MultipartForm();
        if (!message.text().isBlank()) {
          form.field("message", message.text());
        }
        form.file("source", file.fileName(), file.contentType(), message.attachmentContent().get());
        response = api.postMultipart(page.get().token(), form, thread, "comments");
      }
      return outcome(response, "id");
    } catch (IOException e) {
      return GraphErrors.ioFailure(e);
    } catch (UncheckedIOException e) {
      return SendResult.transientFailure("could not read the attachment: " + e.getMessage(), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling the Graph API", Optional.empty());
    }
  }

  /**
   * Sends a private reply to a comment: one Messenger message to its author, allowed once per
   * comment and within 7 days of it. Not stored in the engine: the host shows it as it sees fit.
   * Meta's refusals come back classified, as for {@link #send}.
   *
   * @param account a Facebook Page account of this connector's config
   * @param commentId the comment's id (the inbound message's channel message id)
   * @param text the message, at most 2,000 characters
   * @throws InvalidInputException if the account has no Page or the text is blank or too long
   */
  public SendResult sendPrivateReply(AccountId account, String commentId, String text) {
    MetaAccount page = config.account(Objects.requireNonNull(account, "account")).orElseThrow(() ->
        new InvalidInputException("no Facebook Page is configured for account " + account));
    if (commentId == null || Ids.of(JsonNodeFactory.instance.textNode(commentId)).isEmpty()) {
      throw new InvalidInputException("commentId must be a comment's id, got " + commentId);
    }
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw new InvalidInputException("a private reply needs 1-2,000 characters of text");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("recipient").put("comment_id", commentId);
    body.put("messaging_type", "RESPONSE");
    body.putObject("message").put("text", text);
    try {
      return outcome(api.postJson(page.token(), body, page.id(), "messages"), "message_id");
    } catch (IOException e) {
      return GraphErrors.ioFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling the Graph API", Optional.empty());
    }
  }

  private SendResult outcome(GraphResponse response, String idField) {
    if (!response.ok()) {
      return GraphErrors.classify(response, config.clock());
    }
    String id = response.body().path(idField).asText("");
    return SendResult.sent(id.isBlank() ? "unknown" : id);
  }
}
