package io.openchannel.query;

/** How the criteria of an {@link AdvancedSearch} combine. */
public enum Join {
  /** Every criterion must hold. */
  AND,
  /** At least one criterion must hold. */
  OR
}
