package io.openchannel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.AgentDesk;
import io.openchannel.AttachmentRejectedException;
import io.openchannel.InvalidInputException;
import io.openchannel.OpenChannel;
import io.openchannel.SendNotAllowedException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.Message;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.DenialReason;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.MessagingType;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.ScriptedConnector;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.directory.Recipient;
import io.openchannel.spi.directory.RecipientDirectory;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.tck.DeterministicScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The channels' rules, enforced on the agent's send path and shown by canSend (S20, S25). */
class ChannelRulesTest {
  private static final AccountId FB = AccountId.of("fb");
  private static final AccountId WA = AccountId.of("wa");
  private static final AgentId ANN = AgentId.of("ann");

  private final DeterministicScheduler scheduler = new DeterministicScheduler();
  private final ScriptedConnector messenger = new ScriptedConnector(ChannelType.FACEBOOK_MESSENGER, "k");
  private final ScriptedConnector whatsapp = new ScriptedConnector(ChannelType.WHATSAPP, "k");
  private final io.openchannel.spi.directory.InMemoryRecipientDirectory directory =
      RecipientDirectory.inMemory();
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .blobStore(BlobStore.inMemory()).recipientDirectory(directory)
      .connector(messenger).connector(whatsapp).build();
  private final AgentDesk ann;
  private final AtomicInteger mids = new AtomicInteger();

  ChannelRulesTest() {
    createAccount(FB, ChannelType.FACEBOOK_MESSENGER, AccountSettings.builder());
    createAccount(WA, ChannelType.WHATSAPP, AccountSettings.builder());
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(FB, WA))
        .withPermissions(Set.of(Permission.OUTBOUND)));
    ann = oc.desk(ANN);
  }

  private void createAccount(AccountId id, ChannelType type, AccountSettings.Builder settings) {
    oc.accounts().create(Account.of(id, type, id.value(),
        settings.replyUrl("https://connector.example.org/" + id).build()));
  }

  private void setOptions(AccountId id, boolean humanAgent, boolean legacy) {
    Account a = oc.accounts().get(id);
    oc.accounts().update(a.withSettings(a.settings().toBuilder().humanAgentTag(humanAgent)
        .legacyOneMoreMessage(legacy).build()));
  }

  private InteractionId customerWrites(AccountId account, String from) {
    InteractionId id = oc.receive(account, InboundMessage.text("in-" + mids.incrementAndGet(),
        SenderProfile.of(from), "hello", scheduler.clock().instant())).interaction().id();
    oc.assign(id, ANN);
    return id;
  }

  private void later(Duration d) {
    scheduler.advance(d);
  }

  @Test
  void messengerRepliesAreAllowedJustInsideTheWindowAsResponses() {
    InteractionId chat = customerWrites(FB, "psid");
    later(Duration.ofHours(23).plusMinutes(59));

    Message reply = ann.sendText(chat, "still in time");

    assertThat(reply.sendTerms().orElseThrow().messagingType()).contains(MessagingType.RESPONSE);
    scheduler.runDue();
    assertThat(messenger.sent().get(0).terms().orElseThrow().messagingType())
        .contains(MessagingType.RESPONSE);
  }

  @Test
  void messengerRefusesJustOutsideTheWindowSayingWhyAndStoresNothing() {
    InteractionId chat = customerWrites(FB, "psid");
    later(Duration.ofHours(24).plusMinutes(1));
    int before = oc.interactions().messages(chat).size();

    assertThatThrownBy(() -> ann.sendText(chat, "too late"))
        .isInstanceOfSatisfying(SendNotAllowedException.class, e -> {
          assertThat(e.reason()).contains(DenialReason.WINDOW_CLOSED);
          assertThat(e.until()).isEmpty();
        })
        .hasMessageContaining("24 hours").hasMessageContaining("2024-05-01 09:00:00 UTC");
    assertThat(oc.interactions().messages(chat)).hasSize(before);
    assertThat(oc.canSend(chat)).isInstanceOfSatisfying(SendDecision.Denied.class, d -> {
      assertThat(d.reason()).isEqualTo(DenialReason.WINDOW_CLOSED);
      assertThat(d.until()).isEmpty();
    });
  }

  @Test
  void theCustomersNextMessageReopensTheWindow() {
    InteractionId chat = customerWrites(FB, "psid");
    later(Duration.ofDays(2));
    customerWrites(FB, "psid");

    assertThat(oc.canSend(chat).isAllowed()).isTrue();
    assertThat(oc.canSend(chat).until()).contains(scheduler.clock().instant().plus(Duration.ofHours(24)));
  }

  @Test
  void withHumanAgentEnabledAgentsMayWriteForSevenDaysWithTheTag() {
    setOptions(FB, true, false);
    InteractionId chat = customerWrites(FB, "psid");
    later(Duration.ofDays(6).plusHours(23));

    Message reply = ann.sendText(chat, "following up");

    assertThat(reply.sendTerms().orElseThrow().tag()).contains(MessageTag.HUMAN_AGENT);
    assertThat(reply.sendTerms().orElseThrow().messagingType()).contains(MessagingType.MESSAGE_TAG);
    later(Duration.ofHours(1).plusMinutes(1));
    assertThatThrownBy(() -> ann.sendText(chat, "a week later")).isInstanceOf(SendNotAllowedException.class);
  }

  @Test
  void theLegacyRuleAllowsExactlyOneMoreMessageUntilTheCustomerWrites() {
    setOptions(FB, false, true);
    InteractionId chat = customerWrites(FB, "psid");
    later(Duration.ofHours(25));

    ann.sendText(chat, "one more");
    assertThatThrownBy(() -> ann.sendText(chat, "and another"))
        .isInstanceOf(SendNotAllowedException.class);
    assertThat(((SendDecision.Denied) oc.canSend(chat)).reason())
        .isEqualTo(DenialReason.LEGACY_EXTRA_MESSAGE_USED);

    customerWrites(FB, "psid");
    later(Duration.ofHours(25));
    ann.sendText(chat, "one more again");
  }

  @Test
  void whatsappNeedsATemplateOutsideTheWindow() {
    InteractionId chat = customerWrites(WA, "39333");
    later(Duration.ofHours(24).plusMinutes(1));

    assertThatThrownBy(() -> ann.sendText(chat, "free text"))
        .isInstanceOf(SendNotAllowedException.class).hasMessageContaining("template");
    Message template = ann.sendTemplate(chat, MessageTemplate.of("order_update", "en", "#42", "Friday"));

    assertThat(template.kind()).isEqualTo(MessageKind.TEMPLATE);
    assertThat(template.text()).isEqualTo("[template order_update/en] #42, Friday");
    scheduler.runDue();
    assertThat(whatsapp.sent().get(0).template()).contains(template.template().orElseThrow());
  }

  @Test
  void aBusinessWritesFirstOnWhatsappOnlyWithATemplate() {
    directory.add(WA, Recipient.of("39444", "Leo"));

    assertThatThrownBy(() -> ann.startInteraction(WA, "39444", "hi"))
        .isInstanceOf(SendNotAllowedException.class);
    var started = ann.startInteraction(WA, "39444", MessageTemplate.of("welcome", "it"));

    assertThat(oc.interactions().messages(started.id())).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(MessageKind.TEMPLATE));
  }

  @Test
  void templatesAreRefusedWhereTheChannelHasNone() {
    InteractionId chat = customerWrites(FB, "psid");

    assertThatThrownBy(() -> ann.sendTemplate(chat, MessageTemplate.of("x", "en")))
        .isInstanceOf(SendNotAllowedException.class);
  }

  @Test
  void textLongerThanTheChannelAllowsIsRefused() {
    InteractionId chat = customerWrites(FB, "psid");

    assertThatThrownBy(() -> ann.sendText(chat, "x".repeat(2001)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2000");
    ann.sendText(chat, "x".repeat(2000));
  }

  @Test
  void attachmentsFollowTheChannelsLimitPerMediaKindAndItsTypes() {
    InteractionId chat = customerWrites(WA, "39333");

    assertThatThrownBy(() -> ann.sendAttachment(chat,
        AttachmentUpload.of("big.jpg", "image/jpeg", new byte[5 * 1024 * 1024 + 1]), ""))
        .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("5 MB");
    assertThatThrownBy(() -> ann.sendAttachment(chat,
        AttachmentUpload.of("anim.gif", "image/gif", new byte[10]), ""))
        .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("image/jpeg");
    ann.sendAttachment(chat, AttachmentUpload.of("ok.jpg", "image/jpeg", new byte[5 * 1024 * 1024]), "");
  }

  @Test
  void canSendExplainsClosedAndReplyDisabledInteractions() {
    InteractionId chat = customerWrites(FB, "psid");
    ann.close(chat);
    assertThat(((SendDecision.Denied) oc.canSend(chat)).reason()).isEqualTo(DenialReason.INTERACTION_CLOSED);

    AccountId quiet = AccountId.of("quiet");
    oc.accounts().create(Account.of(quiet, ChannelType.SMS, "quiet", AccountSettings.defaults()));
    InteractionId sms = customerWrites(quiet, "+39");
    assertThat(((SendDecision.Denied) oc.canSend(sms)).reason()).isEqualTo(DenialReason.REPLY_DISABLED);
    assertThatThrownBy(() -> ann.sendText(sms, "hi"))
        .isInstanceOfSatisfying(SendNotAllowedException.class,
            e -> assertThat(e.reason()).contains(DenialReason.REPLY_DISABLED));
  }

  @Test
  void aDelayedWebhookCountsTheWindowFromTheChannelsTimestamp() {
    Instant written = scheduler.clock().instant();
    later(Duration.ofHours(23));
    InteractionId chat = oc.receive(FB, InboundMessage.text("late", SenderProfile.of("psid"),
        "sent 23 hours ago", written)).interaction().id();
    oc.assign(chat, ANN);

    assertThat(oc.canSend(chat).until()).contains(written.plus(Duration.ofHours(24)));
  }
}
