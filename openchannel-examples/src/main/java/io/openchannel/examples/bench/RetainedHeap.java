package io.openchannel.examples.bench;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Measures the heap the in-memory engine keeps: bytes retained per full routing cycle (one
 * closed interaction with one message, as {@link RoutingBenchmark} makes them, once every
 * customer is known) and per inbound message added to open interactions (beyond its text, which
 * all messages here share). Live objects are summed by a class histogram (after a full
 * collection), so only what stays reachable counts; bounded caches are filled before the first
 * measurement, and each measurement runs from N to 2N rows, so growable arrays count at their
 * average cost per row (each doubles once in the window).
 *
 * <pre>
 * java -Xmx4g -cp openchannel-examples/target/openchannel-examples.jar \
 *     io.openchannel.examples.bench.RetainedHeap [N, default 200000]
 * </pre>
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  /** Prints retained bytes per cycle and per message. */
  public static void main(String[] args) {
    // Measuring from N to 2N rows sees each growable array double exactly once, so its cost
    // counts as its average share per row, not a whole doubling or none.
    int measured = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int warm = measured;

    RoutingBenchmark bench = new RoutingBenchmark();
    bench.strategy = RoutingStrategy.LEAST_RECENT;
    bench.setUp();
    // Past the first 100,000 cycles every customer and conversation exists and the bounded
    // caches (ended offers, lock keys) are full, so what grows is the cycles' own rows.
    for (int i = 0; i < warm; i++) {
      bench.fullCycle();
    }
    long before = liveBytes();
    for (int i = 0; i < measured; i++) {
      bench.fullCycle();
    }
    long after = liveBytes();
    System.out.printf("retained per full cycle (closed interaction + 1 message): %d bytes%n",
        (after - before) / measured);

    OpenChannel oc = OpenChannel.builder().blobStore(BlobStore.inMemory())
        .scheduler((delay, task) -> () -> true).build();
    AccountId account = AccountId.of("fb");
    oc.accounts().create(Account.of(account, ChannelType.FACEBOOK_MESSENGER, "Page",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply").build()));
    int customers = 1_000;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    String text = "Where is my order? It was due on Monday and I have not heard from you since.";
    long[] n = {0};
    Runnable round = () -> {
      for (int c = 0; c < customers; c++) {
        oc.receive(account, InboundMessage.text("m" + n[0]++,
            SenderProfile.of("customer-" + c, "Mia", "Rossi"), text, now));
      }
    };
    int rounds = measured / customers;
    for (int r = 0; r < rounds; r++) {
      round.run(); // every customer's conversation and open interaction exist from here on
    }
    before = liveBytes();
    for (int r = 0; r < rounds; r++) {
      round.run();
    }
    after = liveBytes();
    System.out.printf("retained per inbound message (beyond its shared text): %d bytes%n",
        (after - before) / ((long) rounds * customers));
    oc.close();
    bench.toString(); // keeps the first engine reachable until both were measured
  }

  /**
   * Bytes of all live objects, from a class histogram (which collects first). Unlike the heap's
   * used size it leaves out the unused tails of regions that hold large arrays.
   */
  private static long liveBytes() {
    try {
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {null}, new String[] {String[].class.getName()});
      for (String line : histogram.split("\n")) {
        String[] cells = line.trim().split("\\s+");
        if (cells.length == 3 && cells[0].equals("Total")) {
          return Long.parseLong(cells[2]);
        }
      }
      throw new IllegalStateException("no Total line in the class histogram");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM offers no class histogram: " + e.getMessage(), e);
    }
  }
}
