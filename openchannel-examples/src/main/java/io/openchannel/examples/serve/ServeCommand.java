package io.openchannel.examples.serve;

import com.sun.net.httpserver.HttpServer;
import io.openchannel.OpenChannel;
import io.openchannel.adapters.whatsapp.WhatsAppNumber;
import io.openchannel.examples.demo.Narrator;
import io.openchannel.examples.store.ExampleStore;
import io.openchannel.examples.store.StoreOption;
import io.openchannel.examples.terminal.ColorOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code openchannel-examples serve}: an HTTP server on localhost with webhook endpoints for a
 * generic-channel, a Telegram, a WhatsApp and a Messenger account on an engine that keeps its
 * history in an H2 file ({@value #DEFAULT_FILE}.mv.db, or {@code --store memory},
 * {@code --jdbc-url}), printing messages and offers as they arrive. Outbound calls go to fakes on
 * the same server unless {@code --telegram-api} or {@code --graph-api} names the real API. Runs
 * until Ctrl-C or {@code --exit-after}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Webhook endpoints for a generic-channel, a Telegram, a WhatsApp and a Messenger"
          + " account on localhost.",
      "%nPOST a Telegram update, a WhatsApp or Messenger delivery or a generic-channel message (the"
          + " banner prints ready-made curl commands) and watch the engine store it and offer it to an agent. Nothing leaves"
          + " this machine: replies go to fakes on the same server that print them.",
      "%nThe history is kept in the H2 file " + ServeCommand.DEFAULT_FILE + ".mv.db under the"
          + " current folder and survives a restart; --store memory forgets it, --jdbc-url keeps"
          + " it in another database."})
public final class ServeCommand implements Callable<Integer> {
  /** Where {@code serve} keeps its history unless told otherwise, relative to the current folder. */
  static final String DEFAULT_FILE = "openchannel-data/serve";

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOption storeOption;

  @Mixin
  private ColorOption color;

  @Option(names = "--port", defaultValue = "8080",
      description = "Port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind: loopback only, unless --allow-remote."
          + " Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--allow-remote", description = "Allow binding a non-loopback address.")
  boolean allowRemote;

  @Option(names = "--generic-secret", defaultValue = "demo-generic-secret",
      description = "The web account's shared secret (16+ characters). Default: ${DEFAULT-VALUE}.")
  String genericSecret;

  @Option(names = "--telegram-token", defaultValue = "123456789:demo-token-not-real",
      description = "The tg account's bot token. Default: ${DEFAULT-VALUE}.")
  String telegramToken;

  @Option(names = "--telegram-secret", defaultValue = "demo-telegram-secret",
      description = "The tg account's webhook secret_token. Default: ${DEFAULT-VALUE}.")
  String telegramSecret;

  @Option(names = "--telegram-api",
      description = "The Bot API base URL, such as https://api.telegram.org (replies then really"
          + " go out). Default: a fake on this server that prints calls and sends nothing.")
  String telegramApi;

  @Option(names = "--whatsapp-token", defaultValue = "demo-whatsapp-token",
      description = "The wa account's access token. Default: ${DEFAULT-VALUE}.")
  String whatsAppToken;

  @Option(names = "--whatsapp-app-secret", defaultValue = "demo-whatsapp-app-secret",
      description = "The Meta app secret that signs the wa account's webhooks."
          + " Default: ${DEFAULT-VALUE}.")
  String whatsAppSecret;

  @Option(names = "--whatsapp-verify-token", defaultValue = "demo-verify-token",
      description = "The wa account's webhook verify token. Default: ${DEFAULT-VALUE}.")
  String whatsAppVerifyToken;

  @Option(names = "--meta-app-secret", defaultValue = "demo-meta-app-secret",
      description = "The fb account's Meta app secret, which signs webhooks. Default: ${DEFAULT-VALUE}.")
  String metaAppSecret;

  @Option(names = "--meta-verify-token", defaultValue = "demo-verify-token",
      description = "The fb account's webhook verify token. Default: ${DEFAULT-VALUE}.")
  String metaVerifyToken;

  @Option(names = "--page-id", defaultValue = "104567890123456",
      description = "The fb account's Facebook Page id. Default: ${DEFAULT-VALUE}.")
  String pageId;

  @Option(names = "--page-token", defaultValue = "demo-page-token-not-real",
      description = "The fb account's Page access token. Default: ${DEFAULT-VALUE}.")
  String pageToken;

  @Option(names = "--graph-api",
      description = "The Graph API base URL, such as https://graph.facebook.com (WhatsApp and"
          + " Messenger replies then really go out). Default: a fake on this server that prints"
          + " calls and sends nothing.")
  String graphApi;

  @Option(names = "--auto-accept",
      description = "Agents accept every offer as soon as it is printed.")
  boolean autoAccept;

  @Option(names = "--reply", paramLabel = "TEXT",
      description = "With --auto-accept, the agent then answers TEXT.")
  String reply;

  @Option(names = "--exit-after", paramLabel = "SECONDS",
      description = "Stop after this many seconds.")
  Long exitAfter;

  private final CountDownLatch ready = new CountDownLatch(1);
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile int boundPort = -1;

  @Override
  public Integer call() throws Exception {
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress() && !allowRemote) {
      throw new ParameterException(spec.commandLine(), "--host " + host + " is not a loopback"
          + " address: this demo has no TLS and fixed secrets; add --allow-remote if you mean it");
    }
    if (reply != null && !autoAccept) {
      throw new ParameterException(spec.commandLine(), "--reply needs --auto-accept");
    }
    WhatsAppNumber whatsApp;
    try {
      whatsApp = new WhatsAppNumber(Banner.WHATSAPP_PHONE_NUMBER_ID, "102290129340398",
          whatsAppToken, whatsAppSecret, whatsAppVerifyToken);
    } catch (io.openchannel.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Console console = new Console(new Narrator(spec.commandLine().getOut(), color.style()));
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (java.net.BindException e) {
      throw new ParameterException(spec.commandLine(), "cannot listen on " + host + ":" + port
          + " (" + e.getMessage() + "); pick another --port, or 0 for any free one");
    }
    boundPort = server.getAddress().getPort();
    String self = "http://" + urlHost(address) + ":" + boundPort;
    String api = telegramApi != null ? telegramApi : self + FakePlatforms.TELEGRAM_PATH;
    String graph = graphApi != null ? graphApi : self + FakePlatforms.GRAPH_PATH;
    Desk desk = new Desk(console, Optional.ofNullable(reply));
    List<io.openchannel.event.EventListener> listeners =
        autoAccept ? List.of(console, desk) : List.of(console);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    Thread hook = new Thread(this::stopAndWait, "serve-shutdown");
    ServeEngine.Messenger messenger =
        new ServeEngine.Messenger(metaAppSecret, metaVerifyToken, pageId, pageToken);
    try (ExampleStore store = storeOption.open(Path.of(DEFAULT_FILE));
        OpenChannel oc = ServeEngine.open(store.store(), self, genericSecret, telegramToken,
            telegramSecret, api, whatsApp, graph, messenger, listeners)) {
      desk.attach(oc);
      server.createContext(WebhookEndpoint.PREFIX, new WebhookEndpoint(oc, console));
      new FakePlatforms(console).mount(server);
      // Several threads: the engine's own replies come back to this server's fakes.
      server.setExecutor(threads);
      server.start();
      console.block(say -> Banner.print(say, store.description(), self, genericSecret,
          telegramSecret, api, telegramApi == null, whatsApp, graph, graphApi == null, autoAccept,
          Optional.ofNullable(reply)));
      console.block(say -> Banner.printMessenger(say, self, messenger, graph, graphApi == null));
      Runtime.getRuntime().addShutdownHook(hook);
      ready.countDown();
      if (exitAfter == null) {
        stopRequested.await();
      } else {
        stopRequested.await(exitAfter, TimeUnit.SECONDS);
      }
      server.stop(0);
      desk.close();
    } finally {
      server.stop(0);
      threads.shutdown();
      removeHook(hook);
      console.line("stopped", "bye");
      stopped.countDown();
    }
    return 0;
  }

  /** The port actually bound (useful with {@code --port 0}), or -1 before the server is up. */
  int port() {
    return boundPort;
  }

  /** Waits until the server answers requests and the banner is printed. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the server to stop, as Ctrl-C does, and waits until it has. */
  void stopAndWait() {
    stopRequested.countDown();
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down (the hook is running), or it was never added: nothing to undo.
    }
  }

  private static String urlHost(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "127.0.0.1";   // the fakes are reached over loopback whatever was bound
    }
    String literal = address.getHostAddress();
    return address instanceof Inet6Address ? "[" + literal.replaceAll("%.*", "") + "]" : literal;
  }
}
