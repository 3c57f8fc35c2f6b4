package io.openchannel.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.OpenChannel;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.AccountId;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /webhooks/<account id>}: hands the request to {@link OpenChannel#handleWebhook} as
 * it came (the body's bytes untouched, since signatures are computed over them) and writes back
 * the engine's answer. {@code GET}s go the same way, for Meta's subscription handshake. Refusals become 401, 400 or 404 with the engine's one-line reason; anything
 * else is a 500 with a short message, the details going to the console only.
 */
final class WebhookEndpoint implements HttpHandler {
  /** The context path the server mounts this handler on. */
  static final String PREFIX = "/webhooks/";
  /** Above the connectors' own 1 MB limit, so that they are the ones to refuse big bodies. */
  private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final OpenChannel oc;
  private final Console console;

  WebhookEndpoint(OpenChannel oc, Console console) {
    this.oc = oc;
    this.console = console;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    // Two trys: a try-with-resources closes the exchange before its own catch blocks run, and
    // the refusals must still be written to it.
    try (exchange) {
      try {
        answer(exchange);
      } catch (WebhookVerificationException e) {
        refuse(exchange, 401, e);
      } catch (InvalidInputException e) {
        refuse(exchange, 400, e);
      } catch (NotFoundException e) {
        refuse(exchange, 404, e);
      } catch (RuntimeException e) {
        // The client learns only that it failed; the console gets the exception, not a trace.
        console.refused("500 " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        Http.send(exchange, 500, "text/plain", "internal error\n");
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!method.equals("POST") && !method.equals("GET")) {
      Http.send(exchange, 405, "text/plain", "use POST (or GET for a webhook handshake)\n");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      Http.send(exchange, 413, "text/plain", "body too large\n");
      return;
    }
    console.line("request", method + " " + path + ", " + body.length + " bytes");
    AccountId account = AccountId.of(path.substring(PREFIX.length()));
    WebhookRequest request = new WebhookRequest(method, path,
        query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
    WebhookResponse answer = oc.handleWebhook(account, request);
    Http.send(exchange, answer.status(), answer.contentType(), answer.body());
  }

  private void refuse(HttpExchange exchange, int status, RuntimeException e) throws IOException {
    console.refused(status + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    Http.send(exchange, status, "text/plain", e.getMessage() + "\n");
  }

  /** The query's parameters, decoded, the first value of each (as {@link WebhookRequest} wants). */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.putIfAbsent(decode(key), decode(value));
    }
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
