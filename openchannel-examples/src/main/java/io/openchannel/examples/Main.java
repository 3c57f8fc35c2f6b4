package io.openchannel.examples;

import io.openchannel.examples.bench.BenchCommand;
import io.openchannel.examples.demo.DemoCommand;
import io.openchannel.examples.serve.ServeCommand;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code openchannel-examples} command line: {@code java -jar openchannel-examples.jar demo}.
 *
 * <p>Each subcommand is one class in the package of its feature ({@code examples.demo}, ...)
 * and writes to {@code spec.commandLine().getOut()}, never to {@code System.out}, so that tests
 * run it in-process with a {@link PrintWriter} of their own (see {@link #commandLine}).
 */
@Command(
    name = "openchannel-examples",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runnable examples of the openchannel library.",
    subcommands = {DemoCommand.class, ServeCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Start with: openchannel-examples demo"})
public final class Main implements Runnable {
  @Spec
  private CommandSpec spec;

  /** Runs the command line and exits with its exit code (0 on success). */
  public static void main(String[] args) {
    PrintWriter out = utf8(System.out);
    PrintWriter err = utf8(System.err);
    int exitCode = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * The command line with every subcommand, writing to {@code out} and {@code err}. Call
   * {@link CommandLine#execute} on it; tests pass {@link java.io.StringWriter}-backed writers.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    // Set after the subcommands are registered, so that they inherit both writers.
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine;
  }

  /** Without a subcommand there is nothing to run: say so and show the usage (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: choose one, such as demo");
  }

  /**
   * Text in UTF-8 whatever the platform's default, so that emoji and arrows survive; bytes go
   * through {@code stream} unchanged.
   */
  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
