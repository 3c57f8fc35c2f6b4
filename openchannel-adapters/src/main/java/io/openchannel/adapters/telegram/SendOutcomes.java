package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.spi.channel.SendResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Classifies the Bot API's answers to a send. Telegram errors look like
 * {@code {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5",
 * "parameters":{"retry_after":5}}}.
 *
 * <ul>
 *   <li>200 with {@code ok}: sent, id {@code <chat id>:<message_id>} of the {@code result};
 *   <li>429: transient, after {@code parameters.retry_after} seconds;
 *   <li>5xx (and I/O errors, timeouts, decided by the caller): transient;
 *   <li>403 "bot can't initiate conversation": policy, Telegram's rule that the user must start
 *       the bot first, which changes only when the customer writes;
 *   <li>403 "bot was blocked by the user" and every other 4xx: permanent, with Telegram's words.
 * </ul>
 */
final class SendOutcomes {
  private static final int MAX_REASON = 1000;

  private SendOutcomes() {}

  static SendResult classify(TelegramApi.Reply reply, String chatId) {
    JsonNode body = reply.body();
    if (reply.ok()) {
      JsonNode result = body.path("result");
      String chat = result.path("chat").path("id").isIntegralNumber()
          ? result.path("chat").path("id").bigIntegerValue().toString() : chatId;
      if (result.path("message_id").isIntegralNumber()) {
        return SendResult.sent(chat + ":" + result.path("message_id").bigIntegerValue());
      }
      // Accepted but unreadable: retrying would send it twice, so call it sent with what we know.
      return SendResult.sent(chat + ":unknown");
    }
    int code = reply.status();
    String description = body.path("description").asText("").strip();
    String reason = truncate("Telegram " + code + (description.isEmpty() ? "" : ": " + description));
    if (code == 429) {
      JsonNode retryAfter = body.path("parameters").path("retry_after");
      return SendResult.transientFailure(reason, retryAfter.canConvertToLong() && retryAfter.asLong() > 0
          ? Optional.of(Duration.ofSeconds(retryAfter.asLong())) : Optional.empty());
    }
    if (code >= 500 || code < 200) {
      return SendResult.transientFailure(reason, Optional.empty());
    }
    if (code == 403 && description.contains("can't initiate conversation")) {
      return SendResult.policyFailure(reason + " (the customer must start the bot first)");
    }
    if (code == 401 || code == 404) {
      return SendResult.permanentFailure(reason + " (check the bot token)");
    }
    return SendResult.permanentFailure(reason);
  }

  static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }
}
