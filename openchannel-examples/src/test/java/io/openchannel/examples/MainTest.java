package io.openchannel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheDemoAndBenchCommands() {
    Run run = Run.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: openchannel-examples")
        .containsPattern("(?m)^\\s+demo\\s+\\S")
        .containsPattern("(?m)^\\s+bench\\s+\\S");
  }

  @Test
  void versionNamesTheProjectVersion() {
    Run run = Run.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("openchannel-examples \\d+\\.\\d+\\.\\d+");
  }

  @Test
  void noCommandIsAUsageErrorThatSuggestsOne() {
    Run run = Run.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing command").contains("demo");
  }

  @Test
  void demoHelpMentionsNoColor() {
    Run run = Run.of("demo", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--no-color");
  }
}
