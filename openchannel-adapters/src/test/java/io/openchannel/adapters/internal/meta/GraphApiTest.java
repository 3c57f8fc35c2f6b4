package io.openchannel.adapters.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openchannel.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphApiTest {
  private final FakeGraph fake = new FakeGraph("page-token-1");
  private final GraphApi api = new GraphApi(GraphApi.defaultClient(Duration.ofSeconds(5)),
      URI.create(fake.baseUrl()), FakeGraph.VERSION, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aJsonPostGoesToTheVersionedPathWithTheTokenAsBearer() throws Exception {
    GraphResponse r = api.postJson("page-token-1",
        JsonNodeFactory.instance.objectNode().put("text", "Ciao 👋"), "1234567890123456", "messages");

    assertThat(r.ok()).isTrue();
    assertThat(fake.problems()).isEmpty();
    assertThat(fake.last().path()).isEqualTo("/v24.0/1234567890123456/messages");
    assertThat(fake.last().json().path("text").asText()).isEqualTo("Ciao 👋");
  }

  @Test
  void aWrongTokenIsAGraphErrorNotAnException() throws Exception {
    GraphResponse r = api.get("other-token", "me");

    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isPresent();
    assertThat(fake.problems()).singleElement().asString().contains("Authorization");
  }

  @Test
  void pathSegmentsAreEncodedSoAnIdCannotClimbThePath() throws Exception {
    api.get("page-token-1", "../me", "comments");

    assertThat(fake.last().path()).isEqualTo("/v24.0/..%2Fme/comments");
  }

  @Test
  void aMultipartUploadCarriesFieldsAndTheFile() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    GraphResponse r = api.postMultipart("page-token-1", new MultipartForm()
        .field("recipient", "{\"id\":\"42\"}")
        .file("filedata", "shot \"1\".png", "image/png", () -> new ByteArrayInputStream(png)),
        "me", "messages");

    assertThat(r.ok()).isTrue();
    var parts = fake.last().parts();
    assertThat(parts.get("recipient").text()).isEqualTo("{\"id\":\"42\"}");
    assertThat(parts.get("filedata").fileName()).isEqualTo("shot %221%22.png");
    assertThat(parts.get("filedata").contentType()).isEqualTo("image/png");
    assertThat(parts.get("filedata").bytes()).isEqualTo(png);
  }

  @Test
  void aDownloadIsLazyAndAMissingFileFailsOnOpening() throws Exception {
    fake.file("/cdn/a.jpg", "jpeg-bytes".getBytes(StandardCharsets.UTF_8));
    var found = api.download(URI.create(fake.baseUrl() + "/cdn/a.jpg"), Optional.empty());
    var missing = api.download(URI.create(fake.baseUrl() + "/cdn/b.jpg"), Optional.empty());
    assertThat(fake.received()).isEmpty();

    try (InputStream in = found.get()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("jpeg-bytes");
    }
    assertThatThrownBy(missing::get).isInstanceOf(UncheckedIOException.class).hasMessageContaining("HTTP 400");
  }

  @Test
  void aRefusedConnectionThrowsWithoutQuotingTheRequest() {
    fake.close();
    assertThatThrownBy(() -> api.get("page-token-1", "secret-id", "messages"))
        .isInstanceOf(IOException.class).hasMessageNotContaining("secret-id")
        .hasMessageNotContaining("page-token-1");
  }

  @Test
  void badBaseUrlsAndVersionsAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> GraphApi.checkBaseUrl("graph.facebook.com"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("https://graph.facebook.com");
    assertThatThrownBy(() -> GraphApi.checkBaseUrl("https://x.example/?a=1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> GraphApi.checkVersion("24.0"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("v24.0");
    assertThat(GraphApi.checkBaseUrl("https://graph.facebook.com/").toString())
        .isEqualTo("https://graph.facebook.com");
  }
}
