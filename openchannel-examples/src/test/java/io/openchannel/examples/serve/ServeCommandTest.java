package io.openchannel.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Starts {@code serve} in this JVM on a free loopback port, with agents that accept and reply,
 * and posts to it as Telegram and a generic-channel connector would. Nothing leaves loopback.
 */
class ServeCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();

  private static ServeCommand serve;
  private static WatchedWriter out;
  private static CompletableFuture<Integer> exitCode;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    serve = new ServeCommand();
    out = new WatchedWriter();
    CommandLine cli = new CommandLine(serve);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    exitCode = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0", "--no-color",
        "--store", "memory",
        "--auto-accept", "--reply", "On it!", "--exit-after", "60"));
    assertThat(serve.awaitReady(WAIT)).as("server started; output: %s", out.text()).isTrue();
    base = "http://127.0.0.1:" + serve.port();
  }

  @AfterAll
  static void stop() throws Exception {
    serve.stopAndWait();
    assertThat(exitCode.get()).isZero();
    assertThat(out.text()).contains("stopped");
  }

  @Test
  void printsTheActualPortAndReadyMadeCurls() {
    assertThat(serve.port()).isPositive();
    assertThat(out.text())
        .contains("listening       " + base)
        .contains("curl -X POST '" + base + "/webhooks/web?apikey=demo-generic-secret'")
        .contains("curl -X POST " + base + "/webhooks/tg")
        .contains("curl '" + base + "/webhooks/wa?hub.mode=subscribe")
        .contains("curl -X POST " + base + "/webhooks/wa -H 'Content-Type: application/json' -H"
            + " 'X-Hub-Signature-256: sha256=")
        .contains("curl -X POST " + base + "/webhooks/fb -H 'Content-Type: application/json' -H"
            + " 'X-Hub-Signature-256: sha256=");
  }

  @Test
  void metasHandshakeOnTheMessengerAccountIsAnsweredWithTheChallenge() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
        + "/webhooks/fb?hub.mode=subscribe&hub.verify_token=demo-verify-token&hub.challenge=42"))
        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("42");
  }

  @Test
  void aSignedMessengerDeliveryIsStoredOfferedAndAnsweredThroughTheFakeGraphApi() throws Exception {
    String body = Banner.messengerDelivery("104567890123456", Instant.now());
    HttpResponse<String> response = post("/webhooks/fb", body, "X-Hub-Signature-256",
        Banner.metaSignature("demo-meta-app-secret", body));
    assertThat(response.statusCode()).isEqualTo(200);
    awaitOutput("← in   text  \"Hi! Is the blue kettle back in stock?\"");
    awaitOutput("on Facebook Messenger");
    awaitOutput("fake Messenger  POST 104567890123456/messages {\"recipient\":{\"id\":"
        + "\"7654321098765432\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"On it!\"}}");
    assertThat(post("/webhooks/fb", body, "X-Hub-Signature-256", "sha256=00").statusCode()).isEqualTo(401);
  }

  @Test
  void theWhatsAppHandshakeIsAnsweredWithTheChallenge() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/wa?hub.mode=subscribe"
        + "&hub.verify_token=demo-verify-token&hub.challenge=1158201444")).timeout(WAIT).GET().build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1158201444");
  }

  @Test
  void aSignedWhatsAppMessageIsStoredOfferedAndAnsweredThroughTheFakeGraphApi() throws Exception {
    String message = Banner.whatsAppMessage(Instant.now());
    HttpResponse<String> response = post("/webhooks/wa", message,
        "X-Hub-Signature-256", Banner.metaSignature("demo-whatsapp-app-secret", message));
    assertThat(response.statusCode()).isEqualTo(200);
    awaitOutput("← in   text  \"Is my order shipped yet?\"");
    awaitOutput("for Kenji Sato on WhatsApp");
    awaitOutput("fake WhatsApp   POST " + Banner.WHATSAPP_PHONE_NUMBER_ID + "/messages"
        + " {\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"819012345678\"");
    awaitOutput("\"text\":{\"preview_url\":false,\"body\":\"On it!\"}");
  }

  @Test
  void anUnsignedWhatsAppDeliveryIs401() throws Exception {
    HttpResponse<String> response = post("/webhooks/wa", Banner.whatsAppMessage(Instant.now()), "X-Test",
        "unsigned");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("X-Hub-Signature-256");
  }

  @Test
  void aTelegramUpdateIsStoredOfferedAcceptedAndAnsweredThroughTheFakeBotApi() throws Exception {
    HttpResponse<String> response = post("/webhooks/tg", Banner.TELEGRAM_UPDATE,
        "X-Telegram-Bot-Api-Secret-Token", "demo-telegram-secret");
    assertThat(response.statusCode()).isEqualTo(200);
    awaitOutput("← in   text  \"Hi! My parcel has not arrived\"");
    awaitOutput("for Layla Haddad on Telegram");
    awaitOutput("fake Telegram   sendMessage {\"chat_id\":5012345678,\"text\":\"On it!\"}");
  }

  @Test
  void aTelegramPhotoIsFetchedFromTheFakeBotApi() throws Exception {
    String photo = "{\"update_id\":874512100,\"message\":{\"message_id\":7,\"chat\":{\"id\":77,"
        + "\"first_name\":\"Omar\",\"type\":\"private\"},\"date\":1764000060,\"photo\":["
        + "{\"file_id\":\"AgACphoto\",\"file_unique_id\":\"AQADphoto\",\"width\":90,"
        + "\"height\":67}],"
        + "\"caption\":\"The box was damaged\"}}";
    HttpResponse<String> response = post("/webhooks/tg", photo,
        "X-Telegram-Bot-Api-Secret-Token", "demo-telegram-secret");
    assertThat(response.statusCode()).isEqualTo(200);
    awaitOutput("fake Telegram   getFile {\"file_id\":\"AgACphoto\"}");
    awaitOutput("← in   attachment  photo-AQADphoto.jpg");
  }

  @Test
  void aGenericMessageIsStoredOfferedAndTheReplyPostedToTheFakeReplyUrl() throws Exception {
    HttpResponse<String> response = post("/webhooks/web?apikey=demo-generic-secret",
        Banner.GENERIC_MESSAGE, "X-Test", "generic");
    assertThat(response.statusCode()).isEqualTo(200);
    awaitOutput("← in   text  \"Ciao 👋 where is my order?\"");
    awaitOutput("for Mia Rossi on Generic open channel");
    awaitOutput("fake Reply URL  {\"body\":\"On it!\"");
  }

  @Test
  void aWrongSecretIs401() throws Exception {
    HttpResponse<String> response = post("/webhooks/web?apikey=not-the-secret-at-all",
        Banner.GENERIC_MESSAGE, "X-Test", "wrong");
    assertThat(response.statusCode()).isEqualTo(401);
    HttpResponse<String> telegram = post("/webhooks/tg", Banner.TELEGRAM_UPDATE,
        "X-Telegram-Bot-Api-Secret-Token", "wrong");
    assertThat(telegram.statusCode()).isEqualTo(401);
    awaitOutput("refused: 401 WebhookVerificationException");
  }

  @Test
  void malformedJsonIs400AndAnUnknownAccount404() throws Exception {
    HttpResponse<String> response = post("/webhooks/web?apikey=demo-generic-secret",
        "{\"from\":", "X-Test", "malformed");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JSON").doesNotContain("\tat ");
    assertThat(post("/webhooks/nope", "{}", "X-Test", "404").statusCode()).isEqualTo(404);
    awaitOutput("refused: 400 InvalidInputException");
  }

  @Test
  void refusesToBindANonLoopbackAddressUnlessTold() {
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("serve", "--host", "0.0.0.0", "--port", "0", "--exit-after", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not a loopback address");
  }

  private static HttpResponse<String> post(String path, String json, String header, String value)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(WAIT)
        .header("Content-Type", "application/json")
        .header(header, value)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitOutput(String expected) throws InterruptedException {
    assertThat(out.await(expected, WAIT)).as("printed %s; output so far:%n%s", expected, out.text())
        .isTrue();
  }
}
