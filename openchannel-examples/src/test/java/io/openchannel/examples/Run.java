package io.openchannel.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, with what it wrote to its out and err writers.
 *
 * @param exitCode the exit code {@code main} would exit with
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record Run(int exitCode, String out, String err) {
  /** Runs {@code openchannel-examples args…} in this JVM. */
  public static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
