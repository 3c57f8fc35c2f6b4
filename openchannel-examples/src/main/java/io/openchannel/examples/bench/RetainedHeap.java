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

/**
 * Measures the heap the in-memory engine keeps: bytes retained per full routing cycle (one
 * closed interaction with one message, as {@link RoutingBenchmark} makes them, once every
 * customer is known) and per inbound message added to open interactions (beyond its text, which
 * all messages here share). Heap is compared after full collections, so only what stays
 * reachable counts; bounded caches are filled before the first measurement.
 *
 * <pre>
 * java -Xmx4g -cp openchannel-examples/target/openchannel-examples.jar \
 *     io.openchannel.examples.bench.RetainedHeap
 * </pre>
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  /** Prints retained bytes per cycle and per message. */
  public static void main(String[] args) {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;

    RoutingBenchmark bench = new RoutingBenchmark();
    bench.strategy = RoutingStrategy.LEAST_RECENT;
    bench.setUp();
    // Past the first 100,000 cycles every customer and conversation exists and the bounded
    // caches (ended offers, lock keys) are full, so what grows is the cycles' own rows.
    for (int i = 0; i < warm; i++) {
      bench.fullCycle();
    }
    long before = usedAfterGc();
    for (int i = 0; i < measured; i++) {
      bench.fullCycle();
    }
    long after = usedAfterGc();
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
    for (int r = 0; r < 20; r++) {
      round.run(); // every customer's conversation and open interaction exist from here on
    }
    before = usedAfterGc();
    int rounds = measured / customers;
    for (int r = 0; r < rounds; r++) {
      round.run();
    }
    after = usedAfterGc();
    System.out.printf("retained per inbound message (beyond its shared text): %d bytes%n",
        (after - before) / ((long) rounds * customers));
    oc.close();
    bench.toString(); // keeps the first engine reachable until both were measured
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
