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
 * {@code /fake-messenger/<version>/<page id>/messages} is a Messenger Send API that prints each
 * call.
 */
final class FakePlatforms {
  /** The generic account's Reply URL path. */
  static final String REPLY_PATH = "/fake-reply";
  /** The fake Bot API's base path; {@code --telegram-api} replaces it with the real one. */
  static final String TELEGRAM_PATH = "/fake-telegram";
  /** The fake Messenger Send API's base path; {@code --messenger-api} replaces it with the real one. */
  static final String MESSENGER_PATH = "/fake-messenger";

  private final Console console;
  /** Telegram numbers each bot's messages; the fakes number them all from 1. */
  private final AtomicLong telegramMessageIds = new AtomicLong();

  FakePlatforms(Console console) {
    this.console = console;
  }

  /** Mounts both fakes on {@code server}. */
  void mount(HttpServer server) {
    server.createContext(REPLY_PATH, this::reply);
    server.createContext(TELEGRAM_PATH, this::telegram);
    server.createContext(MESSENGER_PATH, this::messenger);
  }

  /** The Send API: prints the call (never the token, which is a header) and answers a mid. */
  private void messenger(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(MESSENGER_PATH.length());
      boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
          .startsWith("application/json");
      String body = Http.bodyText(exchange);
      console.line("fake Messenger", exchange.getRequestMethod() + " " + path + " "
          + (json ? oneLine(body) : "(a file upload)"));
      Http.send(exchange, 200, "application/json", path.endsWith("/messages")
          ? "{\"recipient_id\":\"0\",\"message_id\":\"m_fake-" + telegramMessageIds.incrementAndGet() + "\"}"
          : "{\"id\":\"fake-" + telegramMessageIds.incrementAndGet() + "\"}");
    }
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

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }
}
