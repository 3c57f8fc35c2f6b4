package io.openchannel.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.adapters.internal.RetryAfter;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Posts an agent's message into its Teams conversation, in reply to the customer's last message:
 * {@code POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]} with the bot's
 * client-credentials token. Classifies every answer (see {@link TeamsConnector}); never throws for
 * a platform error. Thread-safe.
 */
final class TeamsSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 1000;

  private final HttpClient http;
  private final TeamsConfig config;
  private final AccessTokens tokens;

  TeamsSender(HttpClient http, TeamsConfig config, AccessTokens tokens) {
    this.http = http;
    this.config = config;
    this.tokens = tokens;
  }

  SendResult send(OutboundMessage message, AccountId account, TeamsBot bot) {
    if (message.kind() == MessageKind.TEMPLATE) {
      return SendResult.permanentFailure("Teams has no message templates; send text instead");
    }
    if (message.attachment().isPresent()) {
      return SendResult.permanentFailure("this Teams connector does not send files yet (bots send"
          + " files through a FileConsentCard or Microsoft Graph); share a link instead");
    }
    Optional<String> conversationId = message.to().threadId();
    if (conversationId.isEmpty()) {
      return SendResult.permanentFailure("no Teams conversation to post into: a Teams interaction"
          + " starts with the customer's message, whose conversation.id is its thread id");
    }
    Optional<ConversationReferences.Reference> reference =
        config.conversationReferences().find(account, conversationId.get());
    URI serviceUrl;
    try {
      serviceUrl = SafeUrls.requireHttps(reference.map(ConversationReferences.Reference::serviceUrl)
          .orElse(config.defaultServiceUrl()), "serviceUrl");
    } catch (InvalidInputException e) {
      return SendResult.permanentFailure(truncate(e.getMessage()));
    }
    Optional<String> replyTo = reference.flatMap(ConversationReferences.Reference::replyToId);
    URI url = URI.create(SafeUrls.base(serviceUrl) + "v3/conversations/" + segment(conversationId.get())
        + "/activities" + replyTo.map(id -> "/" + segment(id)).orElse(""));
    ObjectNode body = JSON.createObjectNode().put("type", "message").put("text", message.text())
        .put("textFormat", "plain");
    replyTo.ifPresent(id -> body.put("replyToId", id));
    try {
      String token = tokens.token(bot);
      HttpResponse<byte[]> response = post(url, token, body);
      if (response.statusCode() == 401) {
        // A token revoked or rotated early: one fresh token, and only one, before giving up.
        tokens.invalidate(bot, token);
        response = post(url, tokens.token(bot), body);
      }
      return classify(response, conversationId.get(), message);
    } catch (AccessTokens.Refused e) {
      return e.status == 429 || e.status >= 500
          ? SendResult.transientFailure(truncate(e.getMessage()), Optional.empty())
          : SendResult.permanentFailure(truncate(e.getMessage()));
    } catch (IOException e) {
      return SendResult.transientFailure(truncate(e.getClass().getSimpleName() + " calling Teams at "
          + serviceUrl.getHost() + ": " + e.getMessage()), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure("interrupted while calling Teams", Optional.empty());
    }
  }

  private HttpResponse<byte[]> post(URI url, String token, ObjectNode body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(config.http().requestTimeout())
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private SendResult classify(HttpResponse<byte[]> response, String conversationId,
      OutboundMessage message) {
    int status = response.statusCode();
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = JSON.missingNode(); // a proxy's HTML page: the status decides
    }
    if (body == null) {
      body = JSON.missingNode();
    }
    if (status >= 200 && status < 300) {
      String id = body.path("id").asText("");
      // Accepted without an id: retrying would post it twice, so it is sent, under our own id.
      return SendResult.sent(conversationId + "|" + (id.isBlank() ? message.id().toString() : id));
    }
    JsonNode error = body.path("error");
    String code = error.path("code").asText("");
    String detail = error.path("message").asText("");
    String reason = truncate("Teams " + status + (code.isEmpty() ? "" : " " + code)
        + (detail.isEmpty() ? "" : ": " + detail));
    if (status == 429 || status >= 500) {
      return SendResult.transientFailure(reason,
          RetryAfter.parse(response.headers().firstValue("Retry-After"), config.clock()));
    }
    if (status == 413) {
      return SendResult.permanentFailure(truncate(reason
          + (code.isEmpty() ? " MessageSizeTooBig" : "") + " (keep messages under about 80 KB)"));
    }
    if (status == 401) {
      return SendResult.permanentFailure(reason + " (a fresh token was refused too: check the"
          + " bot's app id and password)");
    }
    if (status == 403 || status == 404) {
      return SendResult.permanentFailure(truncate(reason + (status == 403
          ? " (the bot is not allowed in this conversation, or was removed or blocked)"
          : " (the conversation no longer exists for this bot)")));
    }
    return SendResult.permanentFailure(reason);
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }
}
