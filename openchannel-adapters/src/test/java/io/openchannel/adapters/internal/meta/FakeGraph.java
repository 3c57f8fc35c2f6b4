package io.openchannel.adapters.internal.meta;

import static io.openchannel.adapters.LoopbackServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.openchannel.adapters.LoopbackServer;
import io.openchannel.adapters.LoopbackServer.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Graph API on loopback for connector tests. Every call is checked: the version prefix, the
 * {@code Authorization: Bearer} token, the method, the content type and (through the rules a test
 * installs with {@link #rules}) the path and JSON body; a call that breaks them is answered with
 * a Graph error 100 and listed in {@link #problems()}, so a test that forgets to look still fails
 * on the send result. Calls succeed with {@link #answers}' body unless an answer is scripted.
 * Files registered with {@link #file} are served by plain {@code GET}, like Meta's CDN.
 */
public final class FakeGraph implements AutoCloseable {
  /** The version the fake serves. */
  public static final String VERSION = "v24.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call as the fake received it. */
  public record Received(String method, String path, Map<String, List<String>> headers,
      String contentType, byte[] body) {
    /** The body as JSON (fails the test if it is not). */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The body as text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The multipart parts by name (fails the test if the body is not multipart). */
    public Map<String, Part> parts() {
      String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
      String all = new String(body, StandardCharsets.ISO_8859_1); // byte for byte
      Map<String, Part> parts = new java.util.LinkedHashMap<>();
      for (String chunk : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
        int split = chunk.indexOf("\r\n\r\n");
        if (split < 0) {
          continue;
        }
        String head = chunk.substring(0, split);
        String content = chunk.substring(split + 4, chunk.length() - 2);
        String name = attribute(head, "name");
        String type = head.contains("Content-Type: ")
            ? head.substring(head.indexOf("Content-Type: ") + 14).strip() : null;
        parts.put(name, new Part(attribute(head, "filename"), type,
            content.getBytes(StandardCharsets.ISO_8859_1)));
      }
      return parts;
    }

    private static String attribute(String head, String name) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("; " + name + "=\"([^\"]*)\"").matcher(head);
      return m.find() ? m.group(1) : null;
    }

    /** The path after {@code /<version>/}. */
    public String edge() {
      return path.startsWith("/" + VERSION + "/") ? path.substring(VERSION.length() + 2) : path;
    }
  }

  /** One multipart part: its file name (null for a field), content type and bytes. */
  public record Part(String fileName, String contentType, byte[] bytes) {
    /** The part as UTF-8 text. */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final LoopbackServer server;
  private final String token;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Script script = new Script();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private volatile Function<Received, String> rules = r -> null;
  private volatile Function<Received, String> answers = r -> "{\"id\":\"1\"}";

  /** A fake that expects {@code token} on every Graph call. */
  public FakeGraph(String token) {
    this.token = token;
    server = new LoopbackServer(this::serve);
  }

  /** {@code http://127.0.0.1:<port>}, for the connector's base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** What the real API would refuse: the rule returns a problem, or null if the call is fine. */
  public FakeGraph rules(Function<Received, String> rules) {
    this.rules = rules;
    return this;
  }

  /** The success body for a call. */
  public FakeGraph answers(Function<Received, String> answers) {
    this.answers = answers;
    return this;
  }

  /** The next call is answered with a Graph error. */
  public synchronized FakeGraph failNext(int status, int code, int subcode, String message) {
    return answerNext(status, error(code, subcode, message), Map.of());
  }

  /** The next call is answered with {@code status}, {@code body} and {@code headers}. */
  public synchronized FakeGraph answerNext(int status, String body, Map<String, String> headers) {
    script.add(status, body, headers);
    return this;
  }

  /** Serves {@code bytes} at {@code path} by plain GET. */
  public FakeGraph file(String path, byte[] bytes) {
    files.put(path, bytes.clone());
    return this;
  }

  /** Every call received, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The last call received. */
  public Received last() {
    return received.get(received.size() - 1);
  }

  /** The broken rules seen so far. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** A Graph error body. */
  public static String error(int code, int subcode, String message) {
    return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
        + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEf123\"}}";
  }

  private void serve(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getRawPath();
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    Received r = new Received(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), type, body);
    received.add(r);
    if (files.containsKey(path) && ex.getRequestMethod().equals("GET")) {
      respond(ex, 200, files.get(path), Map.of("Content-Type", "application/octet-stream"));
      return;
    }
    String problem = check(ex, r);
    if (problem == null) {
      problem = rules.apply(r);
    }
    if (problem != null) {
      problems.add(problem);
      respond(ex, 400, error(100, 0, "fake: " + problem.replace("\"", "'"))
          .getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    if (!script.answer(ex)) {
      respond(ex, 200, answers.apply(r), Map.of());
    }
  }

  private String check(HttpExchange ex, Received r) {
    if (!r.path().startsWith("/" + VERSION + "/")) {
      return "path must start with /" + VERSION + "/, got " + r.path();
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!("Bearer " + token).equals(auth)) {
      return "Authorization must be 'Bearer <token>', got " + auth;
    }
    if (ex.getRequestURI().getRawQuery() != null && ex.getRequestURI().getRawQuery().contains("access_token")) {
      return "the token must not travel in the URL";
    }
    if (r.method().equals("GET")) {
      return null;
    }
    if (!r.method().equals("POST")) {
      return "expected GET or POST, got " + r.method();
    }
    if (r.contentType().startsWith("application/json")) {
      try {
        JsonNode json = JSON.readTree(r.body());
        return json != null && json.isObject() ? null : "body must be a JSON object";
      } catch (IOException e) {
        return "body is not JSON";
      }
    }
    return r.contentType().startsWith("multipart/form-data; boundary=") ? null
        : "Content-Type must be application/json or multipart/form-data, got " + r.contentType();
  }

  @Override
  public void close() {
    server.close();
  }
}
