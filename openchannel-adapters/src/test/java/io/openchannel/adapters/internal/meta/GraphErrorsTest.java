package io.openchannel.adapters.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private static GraphResponse response(int status, String body, Map<String, String> headers) {
    try {
      Map<String, List<String>> h = new java.util.HashMap<>();
      headers.forEach((k, v) -> h.put(k, List.of(v)));
      return new GraphResponse(status, HttpHeaders.of(h, (a, b) -> true),
          !body.startsWith("{") ? new ObjectMapper().missingNode() : new ObjectMapper().readTree(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SendResult.Failed classify(int status, int code, int subcode) {
    return GraphErrors.classify(response(status, FakeGraph.error(code, subcode, "words"), Map.of()), CLOCK);
  }

  @ParameterizedTest(name = "HTTP {0}, code {1}/{2} is {3}")
  @CsvSource({
      "400, 4, 0, TRANSIENT", "400, 17, 0, TRANSIENT", "400, 32, 0, TRANSIENT",
      "400, 613, 0, TRANSIENT", "400, 80006, 0, TRANSIENT", "400, 130429, 0, TRANSIENT",
      "500, 1, 0, TRANSIENT", "500, 2, 0, TRANSIENT", "503, 999, 0, TRANSIENT",
      "400, 10, 2018278, POLICY", "400, 10, 2534022, POLICY", "400, 131047, 0, POLICY",
      "400, 551, 1545041, PERMANENT", "400, 190, 460, PERMANENT", "403, 200, 0, PERMANENT",
      "400, 10, 0, PERMANENT", "400, 100, 2018001, PERMANENT", "500, 190, 0, PERMANENT",
      "400, 368, 0, PERMANENT", "400, 12345, 0, PERMANENT"})
  void graphErrorsAreClassified(int status, int code, int subcode, FailureKind kind) {
    SendResult.Failed failed = classify(status, code, subcode);

    assertThat(failed.kind()).isEqualTo(kind);
    assertThat(failed.reason()).contains("Graph error " + code).contains("words").contains("AbCdEf123");
  }

  @Test
  void theReasonExplainsWhatToDo() {
    assertThat(classify(400, 551, 0).reason()).contains("not available");
    assertThat(classify(400, 190, 0).reason()).contains("token");
    assertThat(classify(400, 10, 2018278).reason()).contains("outside the messaging window");
  }

  @Test
  void retryAfterComesFromTheHeaderElseFromTheUsageEstimate() {
    SendResult.Failed withHeader = GraphErrors.classify(response(429, FakeGraph.error(613, 0, "slow"),
        Map.of("Retry-After", "30")), CLOCK);
    SendResult.Failed withUsage = GraphErrors.classify(response(400, FakeGraph.error(80006, 0, "slow"),
        Map.of("X-Business-Use-Case-Usage", "{\"1122\":[{\"type\":\"messenger\",\"call_count\":100,"
            + "\"estimated_time_to_regain_access\":7},{\"type\":\"pages\",\"estimated_time_to_regain_access\":2}]}")),
        CLOCK);
    SendResult.Failed garbled = GraphErrors.classify(response(400, FakeGraph.error(4, 0, "slow"),
        Map.of("X-Business-Use-Case-Usage", "{nope")), CLOCK);

    assertThat(withHeader.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(withUsage.retryAfter()).contains(Duration.ofMinutes(7));
    assertThat(garbled.retryAfter()).isEmpty();
    assertThat(garbled.kind()).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void anAnswerWithoutErrorObjectIsJudgedByItsStatus() {
    assertThat(GraphErrors.classify(response(502, "", Map.of()), CLOCK).kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(GraphErrors.classify(response(429, "", Map.of("Retry-After", "5")), CLOCK).retryAfter())
        .contains(Duration.ofSeconds(5));
    assertThat(GraphErrors.classify(response(404, "<html>", Map.of()), CLOCK).kind())
        .isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void transientMarkedErrorsAreRetried() {
    GraphResponse r = response(400, "{\"error\":{\"message\":\"try later\",\"code\":9999,\"is_transient\":true}}",
        Map.of());
    assertThat(GraphErrors.classify(r, CLOCK).kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(r.error()).hasValueSatisfying(e -> assertThat(e.traceId()).isEqualTo(Optional.empty()));
  }

  @Test
  void veryLongMessagesAreCutToTheReasonLimit() {
    assertThat(GraphErrors.classify(response(400, FakeGraph.error(100, 0, "x".repeat(5000)), Map.of()),
        CLOCK).reason()).hasSizeLessThanOrEqualTo(1000);
  }
}
