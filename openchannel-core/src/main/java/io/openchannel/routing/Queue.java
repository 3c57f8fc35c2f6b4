package io.openchannel.routing;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where new interactions wait to be offered to agents (S3). Immutable.
 *
 * @param id the queue's id
 * @param name its label
 * @param strategy how agents are picked
 * @param members its agents, in order
 * @param offerTimeout how long an offer waits for an answer before it times out
 * @param priority higher is served first when an agent is in several queues
 * @param maxWait how long an interaction may wait before it overflows
 * @param overflow the queue it then moves to
 * @param requiredSkills skills an agent needs to be offered this queue's work
 * @param version the store's optimistic version; 0 for a queue not stored yet
 */
public record Queue(
    QueueId id,
    String name,
    RoutingStrategy strategy,
    List<QueueMember> members,
    Duration offerTimeout,
    int priority,
    Optional<Duration> maxWait,
    Optional<QueueId> overflow,
    Set<String> requiredSkills,
    long version) {

  /** The default offer timeout: 30 seconds. */
  public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(30);

  /** Validates the queue and copies its collections. */
  public Queue {
    Checks.notNull(id, "id");
    name = Checks.name(name, "name", 200);
    Checks.notNull(strategy, "strategy");
    Checks.notNull(members, "members");
    Checks.notNull(offerTimeout, "offerTimeout");
    Checks.notNull(maxWait, "maxWait");
    Checks.notNull(overflow, "overflow");
    Checks.notNull(requiredSkills, "requiredSkills");
    Checks.notNegative(version, "version");
    Checks.check(!offerTimeout.isNegative() && !offerTimeout.isZero(),
        "offerTimeout must be positive, got " + offerTimeout);
    maxWait.ifPresent(w -> Checks.check(!w.isNegative() && !w.isZero(),
        "maxWait must be positive, got " + w));
    Checks.check(overflow.isEmpty() || maxWait.isPresent(),
        "queue " + id + " names an overflow queue but no maxWait; set maxWait or drop the overflow");
    Checks.check(overflow.isEmpty() || !overflow.get().equals(id),
        "queue " + id + " cannot overflow into itself");
    Set<AgentId> seen = new HashSet<>();
    for (QueueMember m : members) {
      if (!seen.add(Checks.notNull(m, "member").agent())) {
        throw new InvalidInputException("agent " + m.agent() + " is listed twice in queue " + id);
      }
    }
    members = List.copyOf(members);
    TreeSet<String> skills = new TreeSet<>();
    requiredSkills.forEach(s -> skills.add(Checks.name(s, "skill", 64)));
    requiredSkills = Collections.unmodifiableSet(skills);
  }

  /** The store sets versions; engines and tests call this only through {@link Queues}. */
  public Queue withVersion(long newVersion) {
    return new Queue(id, name, strategy, members, offerTimeout, priority, maxWait, overflow,
        requiredSkills, newVersion);
  }

  /** This queue with another strategy. */
  public Queue withStrategy(RoutingStrategy newStrategy) {
    return new Queue(id, name, newStrategy, members, offerTimeout, priority, maxWait, overflow,
        requiredSkills, version);
  }

  /** This queue with other members. */
  public Queue withMembers(List<QueueMember> newMembers) {
    return new Queue(id, name, strategy, newMembers, offerTimeout, priority, maxWait, overflow,
        requiredSkills, version);
  }

  /** This queue with another offer timeout. */
  public Queue withOfferTimeout(Duration newTimeout) {
    return new Queue(id, name, strategy, members, newTimeout, priority, maxWait, overflow,
        requiredSkills, version);
  }

  /** This queue with another priority. */
  public Queue withPriority(int newPriority) {
    return new Queue(id, name, strategy, members, offerTimeout, newPriority, maxWait, overflow,
        requiredSkills, version);
  }

  /** This queue overflowing into {@code target} after {@code wait}. */
  public Queue withOverflow(Duration wait, QueueId target) {
    return new Queue(id, name, strategy, members, offerTimeout, priority, Optional.of(wait),
        Optional.of(target), requiredSkills, version);
  }

  /** This queue with other required skills. */
  public Queue withRequiredSkills(Set<String> skills) {
    return new Queue(id, name, strategy, members, offerTimeout, priority, maxWait, overflow,
        skills, version);
  }

  /** A ring-all queue with the default timeout, priority 0, no overflow and no required skills. */
  public static Queue of(QueueId id, String name, List<QueueMember> members) {
    return new Queue(id, name, RoutingStrategy.RING_ALL, members, DEFAULT_OFFER_TIMEOUT, 0,
        Optional.empty(), Optional.empty(), Set.of(), 0);
  }
}
