package io.openchannel.adapters.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link ClusterNodeMain} in a JVM process of its own, on this test's class path: each line it
 * prints reaches {@code onLine} on a reader thread; closing its standard input tells it to stop,
 * which {@link #close} does and then waits for it (killing it after 30 s).
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;

  private ChildJvm(Process process) {
    this.process = process;
  }

  /** Starts {@code ClusterNodeMain} with {@code args}; its standard error goes to this JVM's. */
  static ChildJvm start(String name, Consumer<String> onLine, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the other JVM", e);
    }
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          onLine.accept(line);
        }
      } catch (IOException e) {
        // the child ended; what it said was handed on
      }
    }, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
    return new ChildJvm(process);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
