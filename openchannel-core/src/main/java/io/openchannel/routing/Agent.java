package io.openchannel.routing;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who answers customers. Immutable.
 *
 * @param id the agent's id
 * @param name the name customers and colleagues see (the {@code {{agent.name}}} variable)
 * @param presence whether they take offers
 * @param capacity how many open interactions they handle at once, per channel (S4); a channel
 *     that is absent has capacity 0
 * @param accounts the accounts they may use to start outbound interactions (S26)
 * @param permissions what they may do beyond answering
 * @param skills labels queues may require
 * @param version the store's optimistic version; 0 for an agent not stored yet
 */
public record Agent(
    AgentId id,
    String name,
    Presence presence,
    Map<ChannelType, Integer> capacity,
    Set<AccountId> accounts,
    Set<Permission> permissions,
    Set<String> skills,
    long version) {

  /** Validates the agent and copies its collections. */
  public Agent {
    Checks.notNull(id, "id");
    name = Checks.name(name, "name", 200);
    Checks.notNull(presence, "presence");
    Checks.notNull(capacity, "capacity");
    Checks.notNull(accounts, "accounts");
    Checks.notNull(permissions, "permissions");
    Checks.notNull(skills, "skills");
    Checks.notNegative(version, "version");
    EnumMap<ChannelType, Integer> caps = new EnumMap<>(ChannelType.class);
    capacity.forEach((type, n) -> {
      Checks.notNull(type, "capacity channel");
      Checks.notNegative(Checks.notNull(n, "capacity of " + type), "capacity of " + type);
      caps.put(type, n);
    });
    capacity = Collections.unmodifiableMap(caps);
    accounts = Collections.unmodifiableSet(new TreeSet<>(accounts));
    permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(
        java.util.EnumSet.copyOf(permissions));
    TreeSet<String> skillSet = new TreeSet<>();
    skills.forEach(s -> skillSet.add(Checks.name(s, "skill", 64)));
    skills = Collections.unmodifiableSet(skillSet);
  }

  /** An offline agent with no capacity, accounts, permissions or skills; add them with the withers. */
  public static Agent of(AgentId id, String name) {
    return new Agent(id, name, Presence.OFFLINE, Map.of(), Set.of(), Set.of(), Set.of(), 0);
  }

  /** Whether the agent has {@code permission}. */
  public boolean has(Permission permission) {
    return permissions.contains(permission);
  }

  /** Whether they may use {@code account} for outbound interactions. */
  public boolean mayUse(AccountId account) {
    return accounts.contains(account);
  }

  /** Their capacity on a channel (0 if none set). */
  public int capacityFor(ChannelType type) {
    return capacity.getOrDefault(type, 0);
  }

  /** With this presence. */
  public Agent withPresence(Presence newPresence) {
    return new Agent(id, name, newPresence, capacity, accounts, permissions, skills, version);
  }

  /** With this capacity per channel. */
  public Agent withCapacity(Map<ChannelType, Integer> newCapacity) {
    return new Agent(id, name, presence, newCapacity, accounts, permissions, skills, version);
  }

  /** With these accounts. */
  public Agent withAccounts(Set<AccountId> newAccounts) {
    return new Agent(id, name, presence, capacity, newAccounts, permissions, skills, version);
  }

  /** With these permissions. */
  public Agent withPermissions(Set<Permission> newPermissions) {
    return new Agent(id, name, presence, capacity, accounts, newPermissions, skills, version);
  }

  /** With these skills. */
  public Agent withSkills(Set<String> newSkills) {
    return new Agent(id, name, presence, capacity, accounts, permissions, newSkills, version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Agent withVersion(long newVersion) {
    return new Agent(id, name, presence, capacity, accounts, permissions, skills, newVersion);
  }
}
