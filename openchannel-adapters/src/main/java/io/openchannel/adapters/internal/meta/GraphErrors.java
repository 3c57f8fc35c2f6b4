package io.openchannel.adapters.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.adapters.internal.RetryAfter;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a failed Graph API call into a {@link SendResult.Failed}, following Meta's error
 * handling guide and the Messenger and WhatsApp error code lists:
 *
 * <ul>
 *   <li><b>transient</b>: HTTP 429 and 5xx; throttling codes 4, 17, 32, 341, 613, 80000-80014
 *       (business use case limits) and WhatsApp's 130429, 131048, 131056; codes 1 and 2 (unknown
 *       error, service down) and anything Meta marks {@code is_transient}. The wait is the
 *       {@code Retry-After} header, else the largest {@code estimated_time_to_regain_access}
 *       (minutes) of the {@code X-Business-Use-Case-Usage} header;
 *   <li><b>policy</b>: the message is outside the messaging window: code 10 with subcode 2018278
 *       or 2018065, subcode 2534022 (Instagram), WhatsApp's 131047 (re-engagement needed). These
 *       change only when the customer writes again;
 *   <li><b>permanent</b>: 551 (the person is not available: blocked the Page, left), 190 and 102
 *       (bad or expired token), 10 and 200-299 (permission missing), 100 (invalid parameter),
 *       368 (blocked for a policy violation) and every other 4xx; the reason carries Meta's words
 *       and a hint.
 * </ul>
 * A known permanent code stays permanent even under a 5xx status. Thread-safe; stateless.
 */
public final class GraphErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 1000;
  private static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 341, 613, 130429, 131048, 131056);
  private static final Set<Integer> OUTSIDE_WINDOW_SUBCODES = Set.of(2018278, 2018065, 2534022);

  private GraphErrors() {}

  /** The failure {@code response} describes; call only when {@link GraphResponse#ok()} is false. */
  public static SendResult.Failed classify(GraphResponse response, Clock clock) {
    int status = response.status();
    Optional<GraphError> error = response.error();
    if (error.isEmpty()) {
      String reason = "Graph API answered HTTP " + status + " without an error object";
      if (status == 429 || status >= 500 || status < 200) {
        return transientFailure(reason, retryAfter(response, clock));
      }
      return (SendResult.Failed) SendResult.permanentFailure(reason);
    }
    GraphError e = error.get();
    String reason = e.describe() + e.traceId().map(t -> " (fbtrace_id " + t + ")").orElse("");
    if (e.code() == 131047 || OUTSIDE_WINDOW_SUBCODES.contains(e.subcode())) {
      return (SendResult.Failed) SendResult.policyFailure(truncate(reason
          + " — outside the messaging window; possible again once the customer writes"));
    }
    Optional<String> hint = permanentHint(e.code());
    if (hint.isPresent()) {
      return (SendResult.Failed) SendResult.permanentFailure(truncate(reason + " — " + hint.get()));
    }
    if (THROTTLING.contains(e.code()) || (e.code() >= 80000 && e.code() <= 80014)) {
      return transientFailure(reason + " — rate limited", retryAfter(response, clock));
    }
    if (e.code() == 1 || e.code() == 2 || e.isTransient() || status == 429 || status >= 500) {
      return transientFailure(reason, retryAfter(response, clock));
    }
    return (SendResult.Failed) SendResult.permanentFailure(truncate(reason));
  }

  /** A network failure or timeout: worth another try. Never quotes URLs, which may hold ids. */
  public static SendResult.Failed ioFailure(IOException e) {
    return transientFailure(e.getClass().getSimpleName() + " calling the Graph API"
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
  }

  private static Optional<String> permanentHint(int code) {
    if (code == 551) {
      return Optional.of("the person is not available (blocked the Page or left the platform)");
    }
    if (code == 190 || code == 102) {
      return Optional.of("the access token is invalid or expired; configure a new Page token");
    }
    if (code == 10 || (code >= 200 && code <= 299)) {
      return Optional.of("the app or token lacks a permission for this call");
    }
    if (code == 100) {
      return Optional.of("Meta refused a parameter of the request");
    }
    if (code == 368) {
      return Optional.of("the Page is temporarily blocked for a policy violation");
    }
    return Optional.empty();
  }

  /** Retry-After, else the business use case usage header's estimate (in minutes). */
  static Optional<Duration> retryAfter(GraphResponse response, Clock clock) {
    Optional<Duration> header = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
    if (header.isPresent()) {
      return header;
    }
    Optional<String> usage = response.headers().firstValue("X-Business-Use-Case-Usage");
    if (usage.isEmpty()) {
      return Optional.empty();
    }
    long minutes = 0;
    try {
      for (JsonNode perBusiness : JSON.readTree(usage.get())) {
        for (JsonNode entry : perBusiness) {
          minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
        }
      }
    } catch (IOException e) {
      return Optional.empty(); // an unreadable header is no reason to fail the classification
    }
    return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
  }

  private static SendResult.Failed transientFailure(String reason, Optional<Duration> wait) {
    return (SendResult.Failed) SendResult.transientFailure(truncate(reason), wait);
  }

  private static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }
}
