package io.openchannel.adapters.jdbc;

import io.openchannel.OpenChannel;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.spi.store.BlobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An engine in a JVM of its own, for {@link SeparateJvmClusterTest}: on the PostgreSQL database
 * at {@code args[0]}, named {@code args[1]}, sweeping the outbox every 20 ms. It reports on
 * stdout, one line each: {@code READY}, {@code SEND <message id>} when its platform is called,
 * {@code SENT <message id>} when it stored the result. With {@code args[2]} {@code route} it
 * routes together with the other engines ({@code clusterRouting(true)}) and also reports
 * {@code OFFER <offer id>} for each offer it heard of and {@code ACCEPTED <offer id>} for each
 * accept, and says {@code READY} only once it holds the router lease. It stops when its stdin
 * closes.
 */
public final class ClusterNodeMain {
  private ClusterNodeMain() {}

  /** Runs the engine until stdin closes. */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(args[0]);
    CountingConnector platform = new CountingConnector().sharing(m -> {
      synchronized (out) {
        out.println("SEND " + m.id().value());
      }
    });
    boolean route = args.length > 2 && args[2].equals("route");
    JdbcStore store = JdbcStore.builder(pg).clusterRouting(route).build();
    try (OpenChannel oc = OpenChannel.builder()
        .store(store)
        .blobStore(BlobStore.inMemory())
        .connector(platform)
        .cluster(ClusterOptions.defaults().withNodeId(args[1])
            .withOutboxLease(Duration.ofSeconds(60)).withOutboxSweep(Duration.ofMillis(20)))
        .listener(e -> {
          if (e instanceof DeliveryStatusChanged d && d.status() == DeliveryStatus.SENT) {
            synchronized (out) {
              out.println("SENT " + d.message().value());
            }
          } else if (e instanceof OfferCreated o) {
            synchronized (out) {
              out.println("OFFER " + o.offer().value());
            }
          } else if (e instanceof OfferAccepted a) {
            synchronized (out) {
              out.println("ACCEPTED " + a.offer().value());
            }
          }
        })
        .build()) {
      if (route) {
        // It tries the router lease at once, on its scheduler's thread: report ready once it
        // holds it, so that the parent's engine, started next, does not take it first.
        while (!store.routingLedger().orElseThrow().lease().node().equals(args[1])) {
          Thread.onSpinWait();
        }
      }
      out.println("READY");
      while (System.in.read() != -1) {
        // the parent closes our stdin to stop us
      }
    }
    Optional.ofNullable(out).ifPresent(PrintStream::flush);
  }
}
