package io.openchannel.internal.engine;

import io.openchannel.account.ChannelType;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.EventListener;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Tag;
import io.openchannel.message.CannedAnswer;
import io.openchannel.routing.RoutingOptions;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.directory.RecipientDirectory;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.time.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the builder collected, defaults filled in. */
public record EngineConfig(
    Store store,
    BlobStore blobStore,
    Clock clock,
    Scheduler scheduler,
    RecipientDirectory recipientDirectory,
    Dispositions dispositions,
    List<EventListener> listeners,
    Map<ChannelType, ChannelConnector> connectors,
    List<CannedAnswer> cannedAnswers,
    Set<Tag> allowedTags,
    RoutingOptions routing,
    ClusterOptions cluster) {}
