package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.SendNotAllowedException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageTemplate;
import io.openchannel.spi.channel.DeliveryReceipt;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;

/**
 * Step 13: outside WhatsApp's 24-hour customer-service window only an approved template may be
 * sent; free text is refused before anything is stored.
 */
final class WhatsAppTemplateScene {
  private static final SenderProfile SARA = SenderProfile.of("15550123456", "Sara", "Lopez");
  /** An approved template: "Hi {{1}}, your order {{2}} has shipped and arrives {{3}}." */
  private static final MessageTemplate SHIPPED =
      MessageTemplate.of("order_update", "en_US", "Sara", "4521", "Friday 6 June");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  WhatsAppTemplateScene(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  void run() {
    clock.advance(Duration.ofMinutes(10));
    say.section("WhatsApp outside its window", "desk.sendTemplate(interaction, MessageTemplate)");
    InteractionId sara = new FirstContact(oc, clock, say).start(ContactCenter.WHATSAPP, SARA,
        "wamid.sara-0001", "Hi! When will order 4521 ship?",
        "Tomorrow morning! I will write to you as soon as it leaves.");
    AgentDesk ann = oc.desk(ContactCenter.ANN);

    clock.advance(Duration.ofHours(25));
    say.action(now() + "  Order 4521 has shipped, 25 hours after Sara last wrote:");
    say.field("oc.canSend", DecisionLine.of(oc.canSend(sara), "Sara"));
    String news = "Your order 4521 is on its way! 🚚";
    say.action(now() + "  Ann types " + Narrator.quote(news, 40) + " all the same:");
    try {
      ann.sendText(sara, news);
      throw new IllegalStateException("WhatsApp's window closed, yet the engine took free text");
    } catch (SendNotAllowedException e) {
      say.refused(e.getClass().getSimpleName(), e.getMessage());
    }

    clock.advance(Duration.ofSeconds(30));
    say.action(now() + "  Ann sends the approved template " + SHIPPED.name() + " ("
        + SHIPPED.language() + ") instead; WhatsApp accepts it:");
    Message template = ann.sendTemplate(sara, SHIPPED);
    clock.settle();

    clock.advance(Duration.ofMinutes(2));
    String id = oc.interactions().messages(sara).stream()
        .filter(m -> m.id().equals(template.id())).findFirst()
        .flatMap(Message::channelMessageId).orElseThrow();
    say.action(now() + "  WhatsApp reports message " + id + " read, then delivered (statuses come"
        + " in any order):");
    oc.applyReceipt(ContactCenter.WHATSAPP,
        DeliveryReceipt.of(SARA.externalId(), DeliveryStatus.READ, clock.instant(), id));
    oc.applyReceipt(ContactCenter.WHATSAPP,
        DeliveryReceipt.of(SARA.externalId(), DeliveryStatus.DELIVERED, clock.instant(), id));
    say.say("One event: a status never goes back, so the late DELIVERED cannot undo the READ.");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
