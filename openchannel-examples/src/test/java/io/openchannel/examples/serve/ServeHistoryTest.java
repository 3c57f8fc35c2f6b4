package io.openchannel.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.jdbc.JdbcStore;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} on an H2 file: what one run stored is there for the next. */
class ServeHistoryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path folder;

  @Test
  void aMessageStoredByOneRunIsStillThereAfterARestart() throws Exception {
    String url = "jdbc:h2:" + folder.resolve("serve").toAbsolutePath();
    try (Running first = Running.start(url)) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(first.base() + "/webhooks/web?apikey=demo-generic-secret"))
          .timeout(WAIT).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Banner.GENERIC_MESSAGE)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }

    try (Running second = Running.start(url)) {
      assertThat(second.output()).contains("history         " + url);
    }

    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
    try {
      Optional<Contact> mia = JdbcStore.builder(pool).build().read(tx -> tx.contacts()
          .findByIdentity(ChannelIdentity.of(ServeEngine.WEB, "+393331234567")));
      assertThat(mia).map(Contact::displayName).contains("Mia Rossi");
    } finally {
      pool.dispose();
    }
  }

  /** A serve command running on its own thread until closed. */
  private record Running(ServeCommand serve, StringWriter out, CompletableFuture<Integer> exit)
      implements AutoCloseable {
    static Running start(String url) throws InterruptedException {
      ServeCommand serve = new ServeCommand();
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(serve);
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
          "--port", "0", "--no-color", "--jdbc-url", url, "--exit-after", "60"));
      assertThat(serve.awaitReady(WAIT)).as("started; output: %s", out).isTrue();
      return new Running(serve, out, exit);
    }

    String base() {
      return "http://127.0.0.1:" + serve.port();
    }

    String output() {
      return out.toString();
    }

    @Override
    public void close() throws Exception {
      serve.stopAndWait();
      assertThat(exit.get()).as("exit code; output: %s", out).isZero();
    }
  }
}
