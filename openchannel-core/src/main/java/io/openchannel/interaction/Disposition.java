package io.openchannel.interaction;

import io.openchannel.internal.util.Checks;
import java.util.Optional;

/**
 * An outcome an agent picks when closing an interaction with "Close &amp; Dispose" (S13). May sit
 * under a parent to form a hierarchy ("Sales / Won").
 *
 * @param id the disposition's id
 * @param name the label shown to agents
 * @param parent the parent disposition, if this one is nested
 */
public record Disposition(DispositionId id, String name, Optional<DispositionId> parent) {
  /** Validates the disposition. */
  public Disposition {
    Checks.notNull(id, "id");
    name = Checks.name(name, "name", 200);
    Checks.notNull(parent, "parent");
    if (parent.isPresent() && parent.get().equals(id)) {
      throw new io.openchannel.InvalidInputException("disposition " + id + " cannot be its own parent");
    }
  }

  /** A top-level disposition. */
  public static Disposition of(String id, String name) {
    return new Disposition(DispositionId.of(id), name, Optional.empty());
  }

  /** A disposition nested under {@code parent}. */
  public static Disposition of(String id, String name, String parent) {
    return new Disposition(DispositionId.of(id), name, Optional.of(DispositionId.of(parent)));
  }
}
