package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.ReceiveResult;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactFields;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.CannedAnswerId;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Steps 2–8: Mia writes on Messenger, Ann answers her in every way an agent can (Messenger
 * refuses one message), Messenger reports what reached Mia, Mia writes again (and the channel
 * delivers that twice), then Ann tags, reads and closes the interaction.
 */
final class CustomerSession {
  private static final SenderProfile MIA = SenderProfile.of("psid-mia-7731", "Mia", "Rossi");
  /** What the demo's fake Messenger answers when it refuses Ann's file. */
  private static final String UNAVAILABLE = "(#551) This person isn't available right now";
  /** A few bytes that look like a PDF: enough for the engine, which never parses files. */
  private static final byte[] SIZE_GUIDE = ("%PDF-1.4\n% Sunny Shoes size guide\n"
      + "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Platforms platforms;
  private final Narrator say;
  private final AgentDesk ann;
  private InteractionId interaction;

  CustomerSession(OpenChannel oc, DemoClock clock, Platforms platforms, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.platforms = platforms;
    this.say = say;
    this.ann = oc.desk(ContactCenter.ANN);
  }

  /** Runs the steps and returns the interaction they were about. */
  InteractionId run() {
    customerWrites();
    annTakesIt();
    annAnswers();
    annAddsANote();
    new ReceiptsScene(oc, clock, say).run(interaction, MIA.externalId()); // takes two minutes
    customerWritesAgain();
    annWrapsUp();
    return interaction;
  }

  private void customerWrites() {
    say.section("A customer writes", "oc.receive(account, InboundMessage.text(…))");
    String text = "Hi! Do you have the red sneakers in size 38? 👟";
    say.action(now() + "  Mia Rossi writes on Messenger: " + Narrator.quote(text, 60));
    ReceiveResult result = oc.receive(ContactCenter.MESSENGER, inbound("m_mia_0001", text));
    interaction = result.interaction().id();
    clock.settle(); // the dispatcher sends the auto-reply
    Contact mia = oc.contacts().get(result.interaction().contact());
    say.say("Mia was unknown, so the Contacts Manager created her (S5); map key "
        + ContactFields.FACEBOOK + " = " + mia.field(ContactFields.FACEBOOK).orElse("?") + ".");
    say.say("Her message opened " + (result.newInteraction() ? "a new" : "an existing")
        + " interaction, and the account answered with its auto-reply (S27). Like every message"
        + " to a customer, it was stored QUEUED, then the outbox dispatcher handed it to the"
        + " account's connector: ✓✓ SENT once Messenger accepted it.");
    showLastMessage("is", "auto-replies");
  }

  private void annTakesIt() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Ann takes the interaction", "oc.assign(interaction, agent)");
    say.action(now() + "  The host assigns the interaction to Ann (no queue here; routing comes at the end).");
    oc.assign(interaction, ContactCenter.ANN);
    int unmanaged = oc.interactions().conversation(current().conversation()).unmanagedCount();
    say.say("Ann owns it now; the conversation's count of unmanaged interactions drops to "
        + unmanaged + " (S19).");
  }

  private void annAnswers() {
    say.section("Ann answers", "oc.desk(agent).sendText / sendCanned / sendAttachment");
    clock.advance(Duration.ofSeconds(40));
    say.action(now() + "  The canned answer \"" + ContactCenter.WELCOME + "\", its variables"
        + " filled from the contact and the agent:");
    Message canned = ann.sendCanned(interaction, ContactCenter.WELCOME);
    say.detail("template", Narrator.quote(template(ContactCenter.WELCOME), 76));
    say.detail("sent", Narrator.quote(canned.text(), 76));
    clock.settle();

    clock.advance(Duration.ofSeconds(30));
    say.action(now() + "  Text with emoji, stored exactly as typed:");
    ann.sendText(interaction, "Good news: size 38 is in stock 🎉 Shall I keep a pair for you?");
    clock.settle();

    clock.advance(Duration.ofSeconds(30));
    long limit = oc.accounts().get(ContactCenter.MESSENGER).maxAttachmentBytes();
    say.action(now() + "  A file with a caption (one file per message, up to "
        + limit / (1024 * 1024) + " MB on this account):");
    platforms.messenger().willFailPermanently(UNAVAILABLE); // the fake refuses the next send
    ann.sendAttachment(interaction,
        AttachmentUpload.of("size-guide.pdf", "application/pdf", SIZE_GUIDE),
        "Our size guide, in case you are between sizes");
    clock.settle();
    say.say("Messenger refused the file (the demo scripted its fake platform to): ✗ FAILED, the"
        + " single checkmark of S12, with the platform's reason for Ann to read;"
        + " desk.retry(message) would queue it again. A refused message never holds back the ones after it.");
  }

  private void annAddsANote() {
    clock.advance(Duration.ofSeconds(20));
    say.section("Ann adds an internal note", "desk.addNote(interaction, text)");
    say.action(now() + "  A note for colleagues, never sent to Mia (S11):");
    ann.addNote(interaction, "Mia hesitates between 38 and 39; sent her the size guide.");
    showLastMessage("stays", "notes");
  }

  private void customerWritesAgain() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Mia writes again, and the channel retries", "oc.receive(…) twice, same message id");
    String text = "Perfect, I'll order size 38 now. Thank you! 🙏";
    say.action(now() + "  Mia answers, message id m_mia_0002: " + Narrator.quote(text, 60));
    ReceiveResult first = oc.receive(ContactCenter.MESSENGER, inbound("m_mia_0002", text));
    say.say("It joins " + (first.interaction().id().equals(interaction) ? "the same" : "another")
        + " open interaction: ReceiveResult.newInteraction() = " + first.newInteraction() + ".");

    clock.advance(Duration.ofSeconds(5));
    say.action(now() + "  The channel delivers m_mia_0002 a second time (a webhook retry):");
    ReceiveResult again = oc.receive(ContactCenter.MESSENGER, inbound("m_mia_0002", text));
    long stored = oc.interactions().messages(interaction).stream()
        .filter(m -> m.channelMessageId().filter("m_mia_0002"::equals).isPresent())
        .count();
    say.say("ReceiveResult.duplicate() = " + again.duplicate() + ": nothing new stored, no event.");
    say.say("The interaction holds " + stored + " message with id m_mia_0002: the duplicate was"
        + " stored once.");
  }

  private void annWrapsUp() {
    clock.advance(Duration.ofMinutes(1));
    say.section("Ann tags, reads and closes", "desk.addTags / markRead / closeAndDispose");
    say.action(now() + "  Tags for the view's filters (S17), and the interaction marked read:");
    ann.addTags(interaction, Set.of(Tag.of("sneakers"), Tag.of("size-38")));
    ann.markRead(interaction);
    clock.advance(Duration.ofSeconds(30));
    String path = oc.dispositions().path(ContactCenter.ORDER_PLACED);
    say.action(now() + "  Close & Dispose with \"" + path + "\" (S13, S24):");
    ann.closeAndDispose(interaction, ContactCenter.ORDER_PLACED);
  }

  /** What the interactions view shows as the last message now, and which messages never count. */
  private void showLastMessage(String verb, String neverCounted) {
    current().lastMessage().ifPresent(last -> say.say("The view's last message " + verb + " "
        + Narrator.arrow(last.direction()) + " " + last.kind().name().toLowerCase(Locale.ROOT)
        + " (" + Narrator.time(last.at()) + "): " + neverCounted + " never count (S16)."));
  }

  private Interaction current() {
    return oc.interactions().get(interaction);
  }

  private String template(CannedAnswerId id) {
    return oc.cannedAnswers().stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow().template();
  }

  private InboundMessage inbound(String channelMessageId, String text) {
    return InboundMessage.text(channelMessageId, MIA, text, clock.instant());
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
