package io.openchannel.examples.bench;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.whatsapp.WhatsAppConfig;
import io.openchannel.adapters.whatsapp.WhatsAppConnector;
import io.openchannel.adapters.whatsapp.WhatsAppNumber;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
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
 * The WhatsApp connector's side of a webhook, without the engine: verify the
 * {@code X-Hub-Signature-256} over the raw body, parse the JSON and map every message, for a
 * delivery of {@code messages} text messages (Meta batches up to about a hundred). No HTTP: media
 * would be fetched only when the engine stores a message.
 *
 * <pre>
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main WhatsAppWebhookBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhatsAppWebhookBenchmark {
  private static final String SECRET = "4f1c6b2e9d8a7f3e5c0b1a2d3e4f5a6b";
  private static final AccountId WA = AccountId.of("wa");

  @Param({"1", "100"})
  int messages;

  private WhatsAppConnector connector;
  private Account account;
  private WebhookRequest request;

  @Setup
  public void setUp() throws GeneralSecurityException {
    connector = new WhatsAppConnector(WhatsAppConfig.builder()
        .number(WA, new WhatsAppNumber("106540352242922", "102290129340398", "token", SECRET, "verify"))
        .build());
    account = Account.of(WA, ChannelType.WHATSAPP, "WhatsApp",
        AccountSettings.builder().replyUrl("https://graph.facebook.com").build());
    StringJoiner items = new StringJoiner(",");
    for (int i = 0; i < messages; i++) {
      items.add("{\"from\":\"1650555" + (1000 + i % 50) + "\",\"id\":\"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQz"
          + i + "\",\"timestamp\":\"1764000000\",\"type\":\"text\",\"text\":{\"body\":\"Hi, where is"
          + " my order #" + i + "? 📦\"}}");
    }
    String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":"
        + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Layla Haddad\"},\"wa_id\":"
        + "\"16505551000\"}],\"messages\":[" + items + "]}}]}]}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + HexFormat.of().formatHex(
        mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    request = WebhookRequest.postJson("/webhooks/wa", Map.of("X-Hub-Signature-256", signature), body);
  }

  /** One delivery verified and parsed into events. */
  @Benchmark
  public WebhookResult verifyAndParse() {
    return connector.handle(request, account);
  }
}
