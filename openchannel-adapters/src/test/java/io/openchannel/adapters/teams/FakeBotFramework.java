package io.openchannel.adapters.teams;

import static io.openchannel.adapters.LoopbackServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.openchannel.adapters.LoopbackServer;
import io.openchannel.adapters.LoopbackServer.Received;
import io.openchannel.adapters.LoopbackServer.Script;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bot Framework on loopback: the token endpoint ({@code /token}), the connector service
 * ({@code /teams/v3/conversations/{id}/activities[/{replyToId}]}) and file downloads ({@code /files/...}).
 * Every request is checked (method, path, headers, form or JSON body); one that breaks the rules
 * is answered 400 and listed in {@link #problems()}. Tokens are issued as {@code token-<n>};
 * activities are accepted only with the latest one.
 */
final class FakeBotFramework implements AutoCloseable {
  static final String APP_PASSWORD = "p4ss~word.With-Chars";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Script script = new Script();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger activityIds = new AtomicInteger(1000);
  private volatile long expiresIn = 3599;
  private volatile int tokenStatus = 200;

  FakeBotFramework() {
    server = new LoopbackServer(this::serve);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** The serviceUrl fixtures carry. */
  String serviceUrl() {
    return baseUrl() + "/teams/";
  }

  /** The next activity post is answered {@code status} with Bot Framework's error shape. */
  synchronized FakeBotFramework failNext(int status, String code, String message, String retryAfter) {
    Map<String, String> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter);
    script.add(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}",
        headers);
    return this;
  }

  /** Tokens now live {@code seconds}. */
  FakeBotFramework tokensLive(long seconds) {
    this.expiresIn = seconds;
    return this;
  }

  /** The token endpoint answers {@code status} from now on (200 issues tokens). */
  FakeBotFramework tokenEndpointAnswers(int status) {
    this.tokenStatus = status;
    return this;
  }

  FakeBotFramework file(String path, byte[] bytes) {
    files.put(path, bytes.clone());
    return this;
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> activities() {
    return received.stream().filter(r -> r.path().contains("/v3/conversations/")).toList();
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  private void serve(HttpExchange ex) throws IOException {
    Received r = Received.read(ex);
    String path = r.path();
    received.add(r);
    if (path.equals("/token")) {
      token(ex, r);
    } else if (path.startsWith("/files/") || path.startsWith("/teams/v3/attachments/")) {
      if (path.startsWith("/teams/") && !("Bearer token-" + tokensIssued.get()).equals(r.header("Authorization"))) {
        respond(ex, 401, "{}", Map.of());
        return;
      }
      if (path.startsWith("/files/") && r.header("Authorization") != null) {
        problems.add("a bot token was sent to the file host");
      }
      byte[] file = files.get(path);
      respond(ex, file == null ? 404 : 200, file == null ? new byte[0] : file, Map.of());
    } else {
      activity(ex, r);
    }
  }

  private void token(HttpExchange ex, Received r) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(r.body(), StandardCharsets.UTF_8).split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    String problem = !r.method().equals("POST") ? "token: expected POST"
        : !String.valueOf(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded")
            ? "token: expected a form, got " + r.header("Content-Type")
        : !"client_credentials".equals(form.get("grant_type")) ? "token: grant_type " + form.get("grant_type")
        : !TeamsFixtures.APP_ID.equals(form.get("client_id")) ? "token: client_id " + form.get("client_id")
        : !APP_PASSWORD.equals(form.get("client_secret")) ? "token: wrong client_secret"
        : !TeamsConfig.SCOPE.equals(form.get("scope")) ? "token: scope " + form.get("scope") : null;
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, "{\"error\":\"invalid_request\"}", Map.of());
      return;
    }
    if (tokenStatus != 200) {
      respond(ex, tokenStatus, "{\"error\":\"temporarily_unavailable\"}", Map.of());
      return;
    }
    int n = tokensIssued.incrementAndGet();
    respond(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"token-" + n + "\"}", Map.of());
  }

  private void activity(HttpExchange ex, Received r) throws IOException {
    String prefix = "/teams/v3/conversations/";
    String problem = !r.method().equals("POST") ? "activity: expected POST, got " + r.method()
        : !r.path().matches("/teams/v3/conversations/[^/]+/activities(/[^/]+)?") ? "unknown path " + r.path()
        : !String.valueOf(r.header("Content-Type")).startsWith("application/json")
            ? "activity: expected JSON, got " + r.header("Content-Type") : null;
    JsonNode json = null;
    if (problem == null) {
      try {
        json = JSON.readTree(r.body());
      } catch (IOException e) {
        problem = "activity: body is not JSON";
      }
    }
    if (problem == null && (!"message".equals(json.path("type").asText())
        || !json.path("text").isTextual() || json.get("text").asText().isEmpty())) {
      problem = "activity: needs type message and a text, got " + json;
    }
    String replyTo = r.path().replaceFirst("^.*/activities/?", "");
    if (problem == null && !replyTo.isEmpty()
        && !replyTo.equals(java.net.URLEncoder.encode(json.path("replyToId").asText(), StandardCharsets.UTF_8))) {
      problem = "activity: a reply to " + replyTo + " carries replyToId " + json.path("replyToId");
    }
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"fake: " + problem + "\"}}", Map.of());
      return;
    }
    if (!("Bearer token-" + tokensIssued.get()).equals(r.header("Authorization"))) {
      respond(ex, 401, "{\"message\":\"Authorization has been denied for this request.\"}", Map.of());
      return;
    }
    if (script.answer(ex)) {
      return;
    }
    respond(ex, 201, "{\"id\":\"" + activityIds.incrementAndGet() + "\"}", Map.of());
  }

  /** Revokes every token issued so far: the next activity post is answered 401. */
  void revokeTokens() {
    tokensIssued.incrementAndGet();
  }

  @Override
  public void close() {
    server.close();
  }
}
