package io.openchannel.interaction;

import io.openchannel.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured list of dispositions, possibly hierarchical. Immutable and thread-safe. Built
 * once: unique ids, existing parents and no cycles are checked by {@link #of}.
 */
public final class Dispositions {
  private static final Dispositions NONE = new Dispositions(new LinkedHashMap<>());

  private final Map<DispositionId, Disposition> byId;

  private Dispositions(LinkedHashMap<DispositionId, Disposition> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** No dispositions: "Close &amp; Dispose" is then refused. */
  public static Dispositions none() {
    return NONE;
  }

  /** The list, in the given order; see {@link #of(List)}. */
  public static Dispositions of(Disposition... dispositions) {
    return of(List.of(dispositions));
  }

  /**
   * The list, in the given order.
   *
   * @throws InvalidInputException on a duplicate id, a missing parent or a cycle
   */
  public static Dispositions of(List<Disposition> dispositions) {
    LinkedHashMap<DispositionId, Disposition> byId = new LinkedHashMap<>();
    for (Disposition d : dispositions) {
      if (byId.put(d.id(), d) != null) {
        throw new InvalidInputException("disposition id " + d.id() + " is listed twice; ids must be unique");
      }
    }
    for (Disposition d : byId.values()) {
      Set<DispositionId> seen = new HashSet<>();
      Optional<DispositionId> parent = d.parent();
      while (parent.isPresent()) {
        Disposition p = byId.get(parent.get());
        if (p == null) {
          throw new InvalidInputException("disposition " + d.id() + " names parent " + parent.get()
              + ", which is not in the list; add it or remove the parent");
        }
        if (!seen.add(p.id())) {
          throw new InvalidInputException("dispositions form a cycle through " + p.id());
        }
        parent = p.parent();
      }
    }
    return new Dispositions(byId);
  }

  /** Every disposition in configured order. */
  public List<Disposition> all() {
    return List.copyOf(byId.values());
  }

  /** The disposition with that id, if it is in the list. */
  public Optional<Disposition> find(DispositionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The disposition with that id.
   *
   * @throws InvalidInputException if it is not in the list; the message lists the valid ids
   */
  public Disposition require(DispositionId id) {
    Disposition d = byId.get(id);
    if (d == null) {
      throw new InvalidInputException("disposition " + id + " is not in the configured list; valid ids: "
          + (byId.isEmpty() ? "(none configured)" : byId.keySet().stream().map(DispositionId::value)
              .collect(Collectors.joining(", "))));
    }
    return d;
  }

  /** The labels from the root down to {@code id}, joined: "Sales / Won". */
  public String path(DispositionId id) {
    List<String> names = new ArrayList<>();
    Optional<DispositionId> cursor = Optional.of(id);
    while (cursor.isPresent()) {
      Disposition d = require(cursor.get());
      names.add(0, d.name());
      cursor = d.parent();
    }
    return String.join(" / ", names);
  }

  /** The dispositions directly under {@code parent}, or the top level for an empty parent. */
  public List<Disposition> children(Optional<DispositionId> parent) {
    return byId.values().stream().filter(d -> d.parent().equals(parent)).toList();
  }

  /** Whether no disposition is configured. */
  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
