package io.openchannel.examples.bench;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.facebook.FacebookConfig;
import io.openchannel.adapters.facebook.MessengerConnector;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Messenger connector's inbound path alone (no engine, no network): verify
 * {@code X-Hub-Signature-256} over the raw body, parse the JSON and build the events, for a
 * delivery of {@code messages} text messages of one Page. What a host's webhook endpoint pays
 * before the engine stores anything.
 *
 * <pre>
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main MetaWebhookBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetaWebhookBenchmark {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final String PAGE = "104567890123456";

  @Param({"1", "100"})
  public int messages;

  private MessengerConnector connector;
  private Account account;
  private WebhookRequest request;

  @Setup
  public void setUp() throws Exception {
    AccountId id = AccountId.of("fb");
    connector = new MessengerConnector(FacebookConfig.builder(SECRET, "verify")
        .page(id, PAGE, "page-token").build());
    account = Account.of(id, ChannelType.FACEBOOK_MESSENGER, "Shop", AccountSettings.builder().build());
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < messages; i++) {
      items.append(i == 0 ? "" : ",").append("{\"sender\":{\"id\":\"76543210987").append(10000 + i)
          .append("\"},\"recipient\":{\"id\":\"").append(PAGE).append("\"},\"timestamp\":1764000000000,")
          .append("\"message\":{\"mid\":\"m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-").append(i)
          .append("\",\"text\":\"Hi! Where is my order? 📦 مرحبا\"}}");
    }
    byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1764000000123,"
        + "\"messaging\":[" + items + "]}]}").getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    request = new WebhookRequest("POST", "/webhooks/fb", Map.of(), Map.of(
        "Content-Type", List.of("application/json"),
        "X-Hub-Signature-256", List.of("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))), body);
    if (connector.handle(request, account).events().size() != messages) {
      throw new IllegalStateException("the delivery does not parse into " + messages + " messages");
    }
  }

  @Benchmark
  public WebhookResult verifyAndParse() {
    return connector.handle(request, account);
  }
}
