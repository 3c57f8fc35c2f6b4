package io.openchannel.adapters.whatsapp;

import io.openchannel.adapters.internal.meta.GraphError;
import io.openchannel.adapters.internal.meta.GraphErrors;
import io.openchannel.adapters.internal.meta.GraphResponse;
import io.openchannel.spi.channel.SendResult;
import java.time.Clock;
import java.util.Optional;

/**
 * Classifies a failed Cloud API call. The Graph rules ({@link GraphErrors}) decide transient,
 * policy or permanent: 429, 5xx, 130429 (throughput), 131056 (too many messages to one customer)
 * and 131048 (spam rate limit) are transient; 131047 (re-engagement: outside the 24-hour window)
 * is a policy refusal. On top, WhatsApp's own codes get WhatsApp's words: the
 * {@code error_data.details} Meta adds to each error, and a hint for the codes an agent or admin
 * can act on (131026 undeliverable, 132xxx template errors, 190 token). Stateless.
 */
final class WhatsAppErrors {
  private static final int MAX_REASON = 1000;

  private WhatsAppErrors() {}

  static SendResult.Failed classify(GraphResponse response, Clock clock) {
    SendResult.Failed graph = GraphErrors.classify(response, clock);
    Optional<GraphError> error = response.error();
    String details = response.body().path("error").path("error_data").path("details").asText("").strip();
    Optional<String> hint = error.flatMap(e -> hint(e.code()));
    if (error.isPresent() && hint.isPresent()) {
      return new SendResult.Failed(SendResult.FailureKind.PERMANENT,
          truncate("WhatsApp " + error.get().describe() + bracket(details) + " — " + hint.get()),
          Optional.empty());
    }
    String reason = "WhatsApp " + graph.reason()
        + (graph.reason().contains(details) ? "" : bracket(details));
    return new SendResult.Failed(graph.kind(), truncate(reason), graph.retryAfter());
  }

  private static String bracket(String details) {
    return details.isEmpty() ? "" : " [" + details + "]";
  }

  private static Optional<String> hint(int code) {
    if (code == 131026) {
      return Optional.of("undeliverable: the number is not on WhatsApp, has not accepted the"
          + " latest terms, uses an old app version, or blocked this business");
    }
    if (code >= 132000 && code <= 132999) {
      return Optional.of("the template was refused: check that it is approved and that its name,"
          + " language and number of parameters match WhatsApp Manager");
    }
    if (code == 190) {
      return Optional.of("the access token is invalid or expired; configure a new system user"
          + " token for this WhatsApp number");
    }
    if (code == 133010) {
      return Optional.of("the business phone number is not registered with the Cloud API");
    }
    return Optional.empty();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }
}
