package dev.parley.cluster;

/**
 * The limits the node applies to connections, as the {@code limits} feature
 * configures them ({@code parley.limits.outbound-queue} and
 * {@code connections-per-user}), handed in so that the cluster does not depend on
 * that feature.
 */
public record ConnectionLimits(int outboundQueue, int connectionsPerUser) {
}
