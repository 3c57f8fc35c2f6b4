package io.openchannel;

import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Tag;
import io.openchannel.internal.engine.Engine;
import io.openchannel.internal.engine.EngineConfig;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.CannedAnswer;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.directory.RecipientDirectory;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.time.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configures an {@link OpenChannel}. Each single-valued setting may be set once (a second call is
 * an {@link InvalidInputException}, which catches wiring mistakes); {@link #build()} fills the
 * defaults and checks the whole. Not thread-safe; the built engine is.
 *
 * <p>Defaults: {@link Store#inMemory()}, attachments under {@code java.io.tmpdir/openchannel-blobs},
 * {@link Clock#systemUTC()}, {@link Scheduler#daemonThread()}, an in-memory recipient directory,
 * no dispositions, no canned answers, free tags.
 */
public final class OpenChannelBuilder {
  private Store store;
  private BlobStore blobStore;
  private Clock clock;
  private Scheduler scheduler;
  private RecipientDirectory recipientDirectory;
  private Dispositions dispositions;
  private RoutingOptions routing;
  private ClusterOptions cluster;
  private final List<EventListener> listeners = new ArrayList<>();
  private final Map<ChannelType, ChannelConnector> connectors = new EnumMap<>(ChannelType.class);
  private final Map<CannedAnswerId, CannedAnswer> cannedAnswers = new LinkedHashMap<>();
  private final Set<Tag> tags = new TreeSet<>();

  OpenChannelBuilder() {}

  /** Where state lives (default: {@link Store#inMemory()}). */
  public OpenChannelBuilder store(Store store) {
    this.store = once(this.store, store, "store");
    return this;
  }

  /** Where attachment bytes live (default: files under the system temp directory). */
  public OpenChannelBuilder blobStore(BlobStore blobStore) {
    this.blobStore = once(this.blobStore, blobStore, "blobStore");
    return this;
  }

  /** The clock for every timestamp and timer (default: {@link Clock#systemUTC()}). */
  public OpenChannelBuilder clock(Clock clock) {
    this.clock = once(this.clock, clock, "clock");
    return this;
  }

  /** Runs timers (default: one daemon thread). */
  public OpenChannelBuilder scheduler(Scheduler scheduler) {
    this.scheduler = once(this.scheduler, scheduler, "scheduler");
    return this;
  }

  /** The accounts' recipient lists for outbound interactions (default: an empty in-memory one). */
  public OpenChannelBuilder recipientDirectory(RecipientDirectory directory) {
    this.recipientDirectory = once(this.recipientDirectory, directory, "recipientDirectory");
    return this;
  }

  /** The dispositions agents pick from at "Close &amp; Dispose" (default: none). */
  public OpenChannelBuilder dispositions(Dispositions dispositions) {
    this.dispositions = once(this.dispositions, dispositions, "dispositions");
    return this;
  }

  /**
   * Engine-wide routing settings: offline agents' work, auto-pause, reject back-off, RANDOM's
   * seed (default: {@link RoutingOptions#defaults()}).
   */
  public OpenChannelBuilder routing(RoutingOptions options) {
    this.routing = once(this.routing, options, "routing");
    return this;
  }

  /** Adds a listener; listeners are called in the order they were added. */
  public OpenChannelBuilder listener(EventListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
    return this;
  }

  /** Adds the connector for its channel type; one per type. */
  public OpenChannelBuilder connector(ChannelConnector connector) {
    Checks.notNull(connector, "connector");
    ChannelType type = Checks.notNull(connector.type(), "connector.type()");
    if (connectors.putIfAbsent(type, connector) != null) {
      throw new InvalidInputException("a connector for " + type + " is already registered ("
          + connectors.get(type).getClass().getName() + "); register one connector per channel type");
    }
    return this;
  }

  /** Adds canned answers; ids must be unique. */
  public OpenChannelBuilder cannedAnswers(CannedAnswer... answers) {
    for (CannedAnswer a : answers) {
      Checks.notNull(a, "canned answer");
      if (cannedAnswers.putIfAbsent(a.id(), a) != null) {
        throw new InvalidInputException("canned answer id " + a.id() + " is used twice");
      }
    }
    return this;
  }

  /**
   * Restricts tags to this list (default: any tag is allowed). Adding a tag outside the list is
   * then an {@link InvalidInputException}.
   */
  public OpenChannelBuilder tags(Set<Tag> allowed) {
    Checks.notNull(allowed, "allowed");
    allowed.forEach(t -> tags.add(Checks.notNull(t, "tag")));
    return this;
  }

  /**
   * How this engine shares its store with other engines (default:
   * {@link ClusterOptions#defaults()}). Every engine claims an interaction's outbox in the store
   * before sending, so several engines on one database send each message once; see
   * {@link io.openchannel.spi.store.OutboxClaims}.
   */
  public OpenChannelBuilder cluster(ClusterOptions options) {
    cluster = once(cluster, options, "cluster");
    return this;
  }

  /** Builds the engine. */
  public OpenChannel build() {
    return new Engine(new EngineConfig(
        store != null ? store : Store.inMemory(),
        blobStore != null ? blobStore
            : BlobStore.fileSystem(Path.of(System.getProperty("java.io.tmpdir"), "openchannel-blobs")),
        clock != null ? clock : Clock.systemUTC(),
        scheduler != null ? scheduler : Scheduler.daemonThread(),
        recipientDirectory != null ? recipientDirectory : RecipientDirectory.inMemory(),
        dispositions != null ? dispositions : Dispositions.none(),
        List.copyOf(listeners),
        Map.copyOf(connectors),
        List.copyOf(cannedAnswers.values()),
        Set.copyOf(tags),
        routing != null ? routing : RoutingOptions.defaults(),
        cluster != null ? cluster : ClusterOptions.defaults()));
  }

  private static <T> T once(T current, T value, String name) {
    Checks.notNull(value, name);
    if (current != null) {
      throw new InvalidInputException(name + " is already set; set it once");
    }
    return value;
  }
}
