package io.openchannel.examples.store;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a subcommand keeps its state: {@code --store h2} (the default: an H2 database file),
 * {@code --store memory}, or {@code --jdbc-url} for any database the JDBC store supports (H2,
 * PostgreSQL, MariaDB). A picocli mixin; each command says which H2 file is its default.
 */
public final class StoreOption {
  /** The kinds of store {@code --store} names. */
  public enum Kind { h2, memory }

  @Option(names = "--store", paramLabel = "KIND", defaultValue = "h2",
      description = "Where state lives: h2 (an H2 database file, the default) or memory.")
  private Kind kind = Kind.h2;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "Keep state in this database instead (jdbc:h2:..., jdbc:postgresql://..., "
          + "jdbc:mariadb://...); the tables are created on first use.")
  private String jdbcUrl;

  /** The store these options name, with {@code defaultH2File} when nothing more is said. */
  public ExampleStore open(Path defaultH2File) {
    if (jdbcUrl != null) {
      return ExampleStore.jdbc(jdbcUrl);
    }
    return kind == Kind.memory ? ExampleStore.memory() : ExampleStore.h2File(defaultH2File);
  }

  /** Whether the user chose the store (a JDBC URL or memory) rather than taking the default. */
  public boolean chosen() {
    return jdbcUrl != null || kind == Kind.memory;
  }

  /** The JDBC URL given, if any. */
  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(jdbcUrl);
  }
}
