package io.openchannel.examples.bench;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openchannel-examples bench}: runs the JMH benchmarks of this jar and prints JMH's table;
 * the same results go to a JSON file for tools and history. Benchmarks are measurements, never
 * tests: nothing here fails on a slow machine.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {"Runs the JMH benchmarks: a table on the terminal, JSON in a file.",
        "Benchmarks: RoutingBenchmark (full cycle inbound → offer → accept → close),",
        "RouterDecisionBenchmark (one routing decision, 1,000 to 100,000 agents),",
        "WebhookVerifyBenchmark (checking and parsing one Teams activity or X delivery),",
        "WhatsAppWebhookBenchmark (verify and parse a WhatsApp delivery of 1 or 100 messages),",
        "MetaWebhookBenchmark (verify and parse a Messenger delivery of 1 or 100 messages),",
        "TranscriptBenchmark (a transcript as PDF and as plain text; --include Transcript),",
        "InteractionViewBenchmark (the interactions view's first page over 1,000,000),",
        "JdbcInteractionViewBenchmark (the same on PostgreSQL),",
        "JdbcIngestBenchmark (inbound ingest on PostgreSQL next to a plain JDBC batch insert),",
        "JdbcClusterBenchmark (ingest with and without cluster events, an outbox claim; PostgreSQL),",
        "JdbcClusterAcceptBenchmark (the routing cycle with routing in PostgreSQL).",
        "The default runs the routing ones; --include View runs the view's."})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--include", paramLabel = "REGEX", defaultValue = "Routing",
      description = "Which benchmarks to run (a regular expression; default: ${DEFAULT-VALUE}).")
  private String include;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "openchannel-bench.json",
      description = "Where to write the results as JSON (default: ${DEFAULT-VALUE}).")
  private String json;

  @Option(names = "--quick",
      description = "Fewer, shorter iterations: a rough number in about a minute per benchmark.")
  private boolean quick;

  @Override
  public Integer call() throws RunnerException {
    PrintWriter out = spec.commandLine().getOut();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .resultFormat(ResultFormatType.JSON)
        .result(json);
    if (quick) {
      options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(2))
          .measurementIterations(3).measurementTime(TimeValue.seconds(3));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    out.println();
    out.println(results.size() + " benchmark result(s); JSON written to " + json);
    return results.isEmpty() ? 1 : 0;
  }
}
