package io.openchannel.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-ins, on the same server, for what agents' replies would reach: nothing leaves this
 * machine by default. {@code POST /fake-reply} is the generic account's Reply URL and prints the
 * JSON a real connector would receive; {@code /fake-telegram/bot<token>/<method>} is a Bot API
 * that prints each call and answers it with success, without sending anything to Telegram
 * ({@code getFile} points at placeholder bytes, so that inbound photos and documents work too);
 * {@code /fake-graph/<version>/...} is a WhatsApp Cloud API that prints each send and upload and
 * answers with a made-up {@code wamid}, and resolves any media id to placeholder bytes; a send
 * without {@code messaging_product} is Messenger's Send API and gets a made-up {@code mid}.
 */
final class FakePlatforms {
  /** The generic account's Reply URL path. */
  static final String REPLY_PATH = "/fake-reply";
  /** The fake Bot API's base path; {@code --telegram-api} replaces it with the real one. */
  static final String TELEGRAM_PATH = "/fake-telegram";
  /** The fake Graph API's base path; {@code --graph-api} replaces it with the real one. */
  static final String GRAPH_PATH = "/fake-graph";
  /** Where the fake Graph API says media can be downloaded. */
  private static final String MEDIA_FILE = GRAPH_PATH + "/media-file/";

  private final Console console;
  /** Telegram numbers each bot's messages; the fake numbers them all from 1. */
  private final AtomicLong telegramMessageIds = new AtomicLong();
  private final AtomicLong graphIds = new AtomicLong();

  FakePlatforms(Console console) {
    this.console = console;
  }

  /** Mounts the fakes on {@code server}. */
  void mount(HttpServer server) {
    server.createContext(REPLY_PATH, this::reply);
    server.createContext(TELEGRAM_PATH, this::telegram);
    server.createContext(GRAPH_PATH, this::graph);
  }

  private void reply(HttpExchange exchange) throws IOException {
    try (exchange) {
      console.line("fake Reply URL", oneLine(Http.bodyText(exchange)));
      Http.send(exchange, 200, "application/json", "{}");
    }
  }

  private void telegram(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      // The method is the last path segment; the token before it is never printed.
      String method = path.substring(path.lastIndexOf('/') + 1);
      if (path.contains("/file/bot")) {
        // A download of what getFile below pointed at: a few placeholder bytes.
        console.line("fake Telegram", "file download, answered with placeholder bytes");
        Http.send(exchange, 200, "application/octet-stream", "not a real file\n");
        return;
      }
      String body = Http.bodyText(exchange);
      boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
          .startsWith("application/json");
      console.line("fake Telegram", method + " " + (json ? oneLine(body) : "(a file upload)"));
      String result = method.equals("getFile")
          ? "{\"file_path\":\"fake/file-" + telegramMessageIds.incrementAndGet() + "\"}"
          : "{\"message_id\":" + telegramMessageIds.incrementAndGet() + "}";
      Http.send(exchange, 200, "application/json", "{\"ok\":true,\"result\":" + result + "}");
    }
  }

  private void graph(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith(MEDIA_FILE)) {
        console.line("fake WhatsApp", "media download, answered with placeholder bytes");
        Http.send(exchange, 200, "application/octet-stream", "not a real file\n");
        return;
      }
      // The path is /fake-graph/<version>/<phone number id or media id>[/messages|/media].
      String edge = path.substring(path.indexOf('/', GRAPH_PATH.length() + 1) + 1);
      if (exchange.getRequestMethod().equals("GET")) {
        console.line("fake WhatsApp", "GET media " + edge);
        String host = exchange.getRequestHeaders().getFirst("Host");
        Http.send(exchange, 200, "application/json", "{\"messaging_product\":\"whatsapp\","
            + "\"url\":\"http://" + host + MEDIA_FILE + edge + "\",\"mime_type\":"
            + "\"application/octet-stream\",\"id\":\"" + edge + "\"}");
        return;
      }
      if (edge.endsWith("/media")) {
        exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        console.line("fake WhatsApp", "upload (a file)");
        Http.send(exchange, 200, "application/json", "{\"id\":\"" + graphIds.incrementAndGet() + "\"}");
        return;
      }
      String body = Http.bodyText(exchange);
      boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
          .startsWith("application/json");
      if (!body.contains("\"messaging_product\"")) {
        // Messenger's Send API on the Page's id: text as JSON, a file as a multipart upload.
        console.line("fake Messenger", "POST " + edge + " " + (json ? oneLine(body) : "(a file upload)"));
        Http.send(exchange, 200, "application/json", "{\"recipient_id\":\"0\",\"message_id\":"
            + "\"m_fake-" + graphIds.incrementAndGet() + "\"}");
        return;
      }
      console.line("fake WhatsApp", "POST " + edge + " " + oneLine(body));
      Http.send(exchange, 200, "application/json", "{\"messaging_product\":\"whatsapp\","
          + "\"messages\":[{\"id\":\"wamid.fake-" + graphIds.incrementAndGet() + "\"}]}");
    }
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }
}
