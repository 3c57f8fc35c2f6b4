package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls one bot's Bot API methods and downloads its files. Answers come back as {@link Reply},
 * never as exceptions for HTTP errors, so the connector can classify them. Exception messages
 * never contain the token, which is part of every URL. Thread-safe.
 */
final class TelegramApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final TelegramBot bot;
  private final Duration timeout;

  TelegramApi(HttpClient http, URI base, TelegramBot bot, Duration timeout) {
    this.http = http;
    this.base = base;
    this.bot = bot;
    this.timeout = timeout;
  }

  /** What Telegram answered: the HTTP status and the parsed body (a missing node if not JSON). */
  record Reply(int status, JsonNode body) {
    boolean ok() {
      return status == 200 && body.path("ok").asBoolean(false);
    }
  }

  /** POSTs a JSON body to {@code method}. */
  Reply call(String method, JsonNode body) throws IOException, InterruptedException {
    return post(method, "application/json",
        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
  }

  /** POSTs a multipart body (a file upload) to {@code method}. */
  Reply upload(String method, MultipartBody body) throws IOException, InterruptedException {
    return post(method, body.contentType(), body.publisher());
  }

  private Reply post(String method, String contentType, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url("/bot" + bot.token() + "/" + method))
        .timeout(timeout).header("Content-Type", contentType).POST(body).build();
    HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), method);
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null; // a proxy's HTML error page: the status alone decides
    }
    return new Reply(response.statusCode(), json == null ? JSON.missingNode() : json);
  }

  /**
   * Opens a file's bytes: {@code getFile} for its path, then the download. Called lazily by the
   * engine, only for messages it did not have yet.
   *
   * @throws UncheckedIOException if Telegram does not give the file
   */
  Supplier<InputStream> file(String fileId) {
    return () -> {
      try {
        Reply reply = call("getFile", JSON.createObjectNode().put("file_id", fileId));
        String path = reply.body().path("result").path("file_path").asText("");
        if (!reply.ok() || path.isEmpty()) {
          throw new IOException("Telegram getFile for bot " + bot.botId() + " answered " + reply.status()
              + ": " + reply.body().path("description").asText("no file_path (files over 20 MB"
              + " cannot be downloaded by bots)"));
        }
        HttpRequest get = HttpRequest.newBuilder(url("/file/bot" + bot.token() + "/" + encodePath(path)))
            .timeout(timeout).GET().build();
        HttpResponse<InputStream> response = send(get, HttpResponse.BodyHandlers.ofInputStream(), "file");
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("Telegram file download for bot " + bot.botId() + " answered "
              + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while downloading a Telegram file", e));
      }
    };
  }

  /** Sends, replacing an exception's message: the JDK's may quote the URL, token and all. */
  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
      throws IOException, InterruptedException {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      IOException safe = new IOException(e.getClass().getSimpleName() + " calling Telegram " + what
          + " for bot " + bot.botId());
      safe.setStackTrace(e.getStackTrace());
      throw safe;
    }
  }

  private URI url(String path) {
    return URI.create(base + path);
  }

  /** file_path is like "photos/file_1.jpg": keep the slashes, encode the rest. */
  private static String encodePath(String path) {
    return java.util.Arrays.stream(path.split("/", -1))
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(java.util.stream.Collectors.joining("/"));
  }
}
