package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.examples.terminal.Columns;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Message;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Steps 9–10: everything stored for the interaction, then the row the interactions view shows
 * for it. Read back through the public read API, as a host UI would.
 */
final class Report {
  private static final String NO_BREAK = "\u00a0";
  private static final String ROW = "%-3s %-9s %-6s %-11s %-13s %-13s %s";

  private final OpenChannel oc;
  private final Narrator say;

  Report(OpenChannel oc, Narrator say) {
    this.oc = oc;
    this.say = say;
  }

  /** Every message of the interaction, in stored order (S21). */
  void messages(InteractionId id) {
    List<Message> messages = oc.interactions().messages(id);
    say.section("Mia's interaction, message by message", "oc.interactions().messages(id)");
    say.header(String.format(ROW, "#", "time", "dir", "kind", "status", "flags", "from"));
    int n = 0;
    for (Message m : messages) {
      n++;
      say.row(String.format(ROW, n, Narrator.time(m.createdAt()), Narrator.arrow(m.direction()),
          MessageLine.kind(m), MessageLine.status(m), MessageLine.flags(m), author(m)));
      say.row("    " + MessageLine.content(m, Narrator.WIDTH - 6));
      m.failureReason().ifPresent(reason -> say.row("    reason: " + reason));
    }
    say.blank();
    say.say("✓✓ the channel accepted the message (S12's double checkmark), then DELIVERED to Mia and"
        + " READ.");
    say.say("✗ FAILED is the single checkmark: a problem, with the platform's reason; the agent may"
        + " retry it.");
  }

  /** The interactions view's row for the interaction (S15–S17, S19, S24). */
  void viewLine(InteractionId id) {
    Interaction i = oc.interactions().get(id);
    Contact contact = oc.contacts().get(i.contact());
    Account account = oc.accounts().get(i.account());
    Conversation conversation = oc.interactions().conversation(i.conversation());
    say.section("The interactions view", "oc.interactions().get(id)");
    say.say("What the interactions view shows for Mia's interaction (S15):");
    say.blank();
    say.field("contact", contact.displayName());
    say.field("account", account.id() + " (" + account.type().displayName() + ")");
    say.field("first agent", i.firstAgent().map(a -> a + " (" + oc.agents().get(a).name() + ")")
        .orElse("none"));
    say.field("last message", i.lastMessage().map(Report::lastMessage).orElse("none"));
    say.more("(the auto-reply and the note are never the last message, S16)");
    say.field("status", i.status() + i.closedAt().map(at -> " at " + Narrator.time(at)).orElse(""));
    say.field("disposition", i.disposition().map(d -> oc.dispositions().path(d)).orElse("none"));
    say.field("read", i.read() ? "yes" : "no");
    say.field("tags", i.tags().stream().map(Tag::name).collect(Collectors.joining(", ")));
    say.field("conversation", plural(conversation.interactionCount(), "interaction") + ", "
        + conversation.unmanagedCount() + " not yet managed by an agent (S19)");
  }

  /** One line with the number of events of each type the listener received. */
  void eventCounts(Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    say.blank();
    // A no-break space inside each "Type n" keeps the pair on one line when the sentence wraps.
    String sentence = "The listener received " + total + " events: " + counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + NO_BREAK + e.getValue())
        .collect(Collectors.joining(", ")) + ".";
    for (String line : Columns.wrap(sentence, Narrator.WIDTH - 2)) {
      say.row(line.replace(NO_BREAK, " "));
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String lastMessage(LastMessage last) {
    return Columns.pad(Narrator.arrow(last.direction()), 5) + "  " + Narrator.time(last.at()) + "  "
        + Narrator.quote(last.preview(), 60);
  }

  private String author(Message m) {
    if (m.autoReply()) {
      return oc.accounts().get(m.account()).name() + " (account)";
    }
    if (m.author().isPresent()) {
      return oc.agents().get(m.author().get()).name();
    }
    return oc.contacts().get(oc.interactions().get(m.interaction()).contact()).displayName();
  }
}
