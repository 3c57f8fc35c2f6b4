/**
 * Several engines on one store: {@link io.openchannel.cluster.ClusterOptions} (node id, outbox
 * lease and sweep). Routing state (queues, offers, presence) is still each engine's own; see the
 * README's "Scaling out".
 */
package io.openchannel.cluster;
