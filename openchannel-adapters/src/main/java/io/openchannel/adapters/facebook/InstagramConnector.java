package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.GraphErrors;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Instagram connector: direct messages with customers (by Instagram-scoped id, IGSID) and,
 * as public interactions, comments on the account's media. Register it with
 * {@code OpenChannel.builder().connector(...)}; it serves every {@link ChannelType#INSTAGRAM}
 * account that has an Instagram account in its {@link FacebookConfig}.
 *
 * <p><b>Inbound.</b> Subscribe the app's {@code instagram} webhook to {@code messages},
 * {@code messaging_seen} and, for public comments, {@code comments}. Handshake and signature are
 * checked as for {@link MessengerConnector}. Of {@code object:"instagram"} deliveries, the
 * entries of this account are read: messages and attachments as on Messenger (echoes, which
 * Instagram sends in {@code messages}, are dropped), {@code messaging_seen} ({@code read.mid}) as
 * a {@code READ} receipt for that message and everything sent before it, comments as public
 * messages in the thread of their top-level comment, with the username as contact field
 * {@code instagram}.
 *
 * <p><b>Outbound.</b> Direct messages go through the Send API on the Instagram account's id
 * ({@code POST /{ig-id}/messages}) with the policy's messaging type and tag; files are uploaded
 * as on Messenger, within Instagram's limits (images PNG or JPEG up to 8 MB; audio AAC, M4A, WAV
 * or MP4, video MP4, OGG, AVI, MOV or WebM, and PDF files up to 25 MB): others fail permanently
 * without a call. A reply in a public interaction is a comment reply:
 * {@code POST /{comment-id}/replies}. For apps using Instagram Login, point
 * {@link FacebookConfig.Builder#graphBaseUrl} at {@code https://graph.instagram.com}.
 *
 * <p>Thread-safe; keeps no per-message state.
 */
public final class InstagramConnector implements ChannelConnector {
  private static final long MB = 1024 * 1024;
  private static final Map<String, Long> MEDIA_LIMITS = Map.ofEntries(
      Map.entry("image/png", 8 * MB), Map.entry("image/jpeg", 8 * MB),
      Map.entry("audio/aac", 25 * MB), Map.entry("audio/mp4", 25 * MB), Map.entry("audio/x-m4a", 25 * MB),
      Map.entry("audio/m4a", 25 * MB), Map.entry("audio/wav", 25 * MB), Map.entry("audio/x-wav", 25 * MB),
      Map.entry("video/mp4", 25 * MB), Map.entry("video/ogg", 25 * MB), Map.entry("video/x-msvideo", 25 * MB),
      Map.entry("video/quicktime", 25 * MB), Map.entry("video/webm", 25 * MB),
      Map.entry("application/pdf", 25 * MB));
  private static final Set<String> CHANGES = Set.of("comments", "live_comments");

  private final FacebookConfig config;
  private final GraphApi api;
  private final MetaInbound inbound;
  private final MessagingParser parser;
  private final MessengerSender sender;

  /** A connector for the Instagram accounts of {@code config}. */
  public InstagramConnector(FacebookConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.api = config.graphApi();
    this.inbound = new MetaInbound(config, "Instagram", "instagram");
    this.parser = new MessagingParser(api, config.clock(), config.fetchProfiles()
        ? Optional.of(new ProfileLookup(config.graphApi(ProfileLookup.TIMEOUT), true)) : Optional.empty());
    this.sender = new MessengerSender(api, config.clock(), "Instagram");
  }

  @Override
  public ChannelType type() {
    return ChannelType.INSTAGRAM;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    return inbound.handle(request, account, (entry, ig) -> {
      List<InboundEvent> events = new ArrayList<>(parser.parse(entry, ig));
      boolean comments = false;
      for (var change : entry.path("changes")) {
        comments |= CHANGES.contains(change.path("field").asText(""));
      }
      if (comments) {
        events.addAll(InstagramComments.parse(entry, ig.id(), config.clock().instant()));
      }
      return events;
    });
  }

  @Override
  public SendResult send(OutboundMessage message, Account account) {
    Optional<MetaAccount> ig = config.account(account.id());
    if (ig.isEmpty()) {
      return SendResult.permanentFailure("no Instagram account is configured for account " + account.id()
          + "; add FacebookConfig.builder().instagram(accountId, instagramAccountId, token)");
    }
    if (message.to().visibility() == Visibility.PUBLIC) {
      return replyToComment(ig.get(), message);
    }
    if (message.attachment().isPresent()) {
      Attachment file = message.attachment().get();
      Long limit = MEDIA_LIMITS.get(file.contentType().toLowerCase(Locale.ROOT));
      if (limit == null || file.sizeBytes() > limit) {
        return SendResult.permanentFailure("Instagram does not take " + file.contentType() + " of "
            + file.sizeBytes() + " bytes: images PNG or JPEG up to 8 MB; audio, video and PDF up to 25 MB");
      }
    }
    return sender.send(ig.get(), message);
  }

  private SendResult replyToComment(MetaAccount ig, OutboundMessage message) {
    if (message.to().threadId().isEmpty() || message.attachment().isPresent()) {
      return SendResult.permanentFailure("an Instagram comment reply is text in a comment's thread;"
          + " files go by direct message");
    }
    try {
      GraphResponse response = api.postJson(ig.token(),
          JsonNodeFactory.instance.objectNode().put("message", message.text()),
          message.to().threadId().get(), "replies");
      if (!response.ok()) {
        return GraphErrors.classify(response, config.clock());
      }
      String id = response.body().path("id").asText("");
      return SendResult.sent(id.isBlank() ? "unknown" : id);
    } catch (IOException e) {
      return GraphErrors.ioFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling the Graph API", Optional.empty());
    }
  }
}
