package io.openchannel.examples.demo;

import io.openchannel.examples.store.ExampleStore;
import io.openchannel.examples.store.StoreOption;
import io.openchannel.spi.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's store: unless told otherwise, an H2 database file in a new temporary folder, so that
 * every run starts empty and prints the same, and the folder is deleted at the end.
 */
final class DemoStore implements AutoCloseable {
  private final ExampleStore store;
  private final Path folder;

  private DemoStore(ExampleStore store, Path folder) {
    this.store = store;
    this.folder = folder;
  }

  static DemoStore open(StoreOption option) {
    if (option.chosen()) {
      return new DemoStore(option.open(Path.of("unused")), null);
    }
    try {
      Path folder = Files.createTempDirectory("openchannel-demo");
      return new DemoStore(option.open(folder.resolve("openchannel")), folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder for the demo's database", e);
    }
  }

  Store store() {
    return store.store();
  }

  /** Where the state lives, in words that are the same on every run. */
  String where() {
    return folder != null ? "the H2 database file in its temporary folder" : store.description();
  }

  @Override
  public void close() {
    store.close();
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder the system cleans up later
      }
    }
  }
}
