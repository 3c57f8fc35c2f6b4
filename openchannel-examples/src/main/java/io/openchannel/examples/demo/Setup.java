package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.examples.terminal.Columns;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.Dispositions;
import io.openchannel.routing.Agent;
import java.util.Optional;
import java.util.stream.Collectors;

/** Step 1: an administrator creates the accounts and the agent; the demo shows the set-up. */
final class Setup {
  private static final int SUB_COLUMNS = 17;

  private final OpenChannel oc;
  private final Narrator say;

  Setup(OpenChannel oc, Narrator say) {
    this.oc = oc;
    this.say = say;
  }

  void run(String startedAt) {
    say.section("The contact center", "OpenChannel.builder()…build()");
    say.say("An engine on a store (by default an H2 database file in a temporary folder, which the"
        + " last section restarts on; --store memory keeps everything in memory), on a demo clock"
        + " that starts at " + startedAt + " and moves only when the demo moves it. The engine's timed work, such as sending queued messages,"
        + " runs as the clock moves, so every run prints the same.");
    say.blank();
    showMessenger(oc.accounts().create(ContactCenter.messenger()));
    showWhatsApp(oc.accounts().create(ContactCenter.whatsApp()));
    showSms(oc.accounts().create(ContactCenter.smsWithoutReplyUrl()));
    say.field("platforms", "ScriptedConnector fakes stand in for Messenger's and WhatsApp's APIs:");
    say.more("they accept every message unless the demo scripts a failure");
    showAgent(oc.agents().create(ContactCenter.ann()));
    showDispositions(oc.dispositions());
    showCannedAnswers();
    say.field("listener", "prints every event as it happens, on lines marked ▸");
  }

  private void showMessenger(Account account) {
    say.field("account", sub(account.id().value(), account.type().displayName() + ", named \""
        + account.name() + "\""));
    say.more(sub("Reply URL", account.settings().replyUrl().map(Object::toString).orElse("none")));
    say.more(sub("auto-reply", Narrator.quote(account.settings().autoReply().orElse(""), 70)));
    say.more(sub("map key", account.settings().mapKey().orElse("none")
        + " (the contact field that identifies a sender)"));
  }

  private void showWhatsApp(Account account) {
    say.field("account", sub(account.id().value(), account.type().displayName() + ", named \""
        + account.name() + "\", no auto-reply"));
    say.more(sub("Reply URL", account.settings().replyUrl().map(Object::toString).orElse("none")));
  }

  private void showSms(Account account) {
    say.field("account", sub(account.id().value(), account.type().displayName() + ", named \""
        + account.name() + "\""));
    say.more(sub("Reply URL", account.settings().replyUrl().map(Object::toString)
        .orElse("none: customers can write, agents cannot answer")));
  }

  private void showAgent(Agent agent) {
    say.field("agent", sub(agent.id().value(), agent.name() + ", " + agent.presence()));
    say.more(sub("capacity", agent.capacity().entrySet().stream()
        .map(c -> c.getKey().displayName() + " " + c.getValue())
        .collect(Collectors.joining(", ")) + " interactions at once"));
  }

  /** One line per top-level disposition, with the full path of each one under it. */
  private void showDispositions(Dispositions dispositions) {
    String label = "dispositions";
    for (Disposition top : dispositions.children(Optional.empty())) {
      say.field(label, dispositions.children(Optional.of(top.id())).stream()
          .map(d -> dispositions.path(d.id()))
          .collect(Collectors.joining(", ")));
      label = "";
    }
  }

  private void showCannedAnswers() {
    say.field("canned answers", oc.cannedAnswers().stream()
        .map(a -> a.id() + " (\"" + a.name() + "\")")
        .collect(Collectors.joining(", ")));
  }

  /** A value with a sub-label of its own, aligned (the routing scenes use it too). */
  static String sub(String label, String value) {
    return Columns.pad(label, SUB_COLUMNS) + value;
  }
}
