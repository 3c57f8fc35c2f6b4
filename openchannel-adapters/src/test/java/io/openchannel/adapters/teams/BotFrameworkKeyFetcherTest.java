package io.openchannel.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.openchannel.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The optional production fetcher, against an OpenID configuration served on loopback. */
class BotFrameworkKeyFetcherTest {
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private final HttpServer server;

  BotFrameworkKeyFetcherTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String doc = documents.get(ex.getRequestURI().getPath());
      byte[] body = doc == null ? new byte[0] : doc.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(doc == null ? 404 : 200, body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private BotFrameworkKeyFetcher fetcher() {
    return new BotFrameworkKeyFetcher(HttpClient.newHttpClient(),
        URI.create(base() + "/v1/.well-known/openidconfiguration"), Duration.ofSeconds(5));
  }

  @Test
  void followsJwksUriAndReturnsAKeySetTheConnectorAccepts() throws Exception {
    documents.put("/v1/.well-known/openidconfiguration", "{\"issuer\":\"https://api.botframework.com\","
        + "\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    documents.put("/v1/.well-known/keys", TeamsFixtures.JWKS);

    BotFrameworkKeys keys = BotFrameworkKeys.parse(fetcher().fetchJwkSet());

    assertThat(keys.keyIds()).containsExactly(TeamsFixtures.KEY.getKeyID());
    assertThat(keys.find(TeamsFixtures.KEY.getKeyID()).orElseThrow().endorsements())
        .containsExactlyInAnyOrder("msteams", "webchat");
  }

  @Test
  void aJwksUriOnPlainHttpElsewhereIsRefused() {
    documents.put("/v1/.well-known/openidconfiguration", "{\"jwks_uri\":\"http://keys.example/keys\"}");

    assertThatThrownBy(() -> fetcher().fetchJwkSet()).isInstanceOf(IOException.class)
        .hasMessageContaining("must use https");
  }

  @Test
  void aMissingDocumentOrUselessKeySetIsAnIoException() {
    assertThatThrownBy(() -> fetcher().fetchJwkSet()).isInstanceOf(IOException.class)
        .hasMessageContaining("answered 404");
    documents.put("/v1/.well-known/openidconfiguration", "{\"jwks_uri\":\"" + base() + "/keys\"}");
    documents.put("/keys", "{\"keys\":[]}");
    assertThatThrownBy(() -> fetcher().fetchJwkSet()).isInstanceOf(IOException.class)
        .hasMessageContaining("no public RSA key");
  }

  @Test
  void aPlainHttpConfigurationUrlOffLoopbackIsRefused() {
    assertThatThrownBy(() -> new BotFrameworkKeyFetcher(HttpClient.newHttpClient(),
        URI.create("http://login.botframework.com/v1/.well-known/openidconfiguration"), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
  }
}
