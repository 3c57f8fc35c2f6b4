package io.openchannel.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string as {@code WebhookRequest} wants it: decoded, the first value of each name. */
class WebhookEndpointTest {
  @Test
  void decodesTheQueryKeepingTheFirstValueOfEachName() {
    assertThat(WebhookEndpoint.query("apikey=a%2Bb%20c&flag&apikey=second"))
        .isEqualTo(Map.of("apikey", "a+b c", "flag", ""));
  }

  @Test
  void noQueryIsAnEmptyMap() {
    assertThat(WebhookEndpoint.query(null)).isEmpty();
    assertThat(WebhookEndpoint.query("")).isEmpty();
  }
}
