package io.openchannel.adapters.jdbc;

import io.openchannel.OpenChannel;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.DeliveryStatusChanged;
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
 * {@code SENT <message id>} when it stored the result. It stops when its stdin closes.
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
    try (OpenChannel oc = OpenChannel.builder()
        .store(JdbcStore.builder(pg).build())
        .blobStore(BlobStore.inMemory())
        .connector(platform)
        .cluster(ClusterOptions.defaults().withNodeId(args[1])
            .withOutboxLease(Duration.ofSeconds(60)).withOutboxSweep(Duration.ofMillis(20)))
        .listener(e -> {
          if (e instanceof DeliveryStatusChanged d && d.status() == DeliveryStatus.SENT) {
            synchronized (out) {
              out.println("SENT " + d.message().value());
            }
          }
        })
        .build()) {
      out.println("READY");
      while (System.in.read() != -1) {
        // the parent closes our stdin to stop us
      }
    }
    Optional.ofNullable(out).ifPresent(PrintStream::flush);
  }
}
