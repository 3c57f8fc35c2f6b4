package io.openchannel.examples.demo;

import io.openchannel.OpenChannel;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Step 6: Messenger reports what reached Mia and what she read. A host whose connector parses
 * receipts gets this through {@code oc.handleWebhook}; here the demo hands them over directly.
 */
final class ReceiptsScene {
  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;

  ReceiptsScene(OpenChannel oc, DemoClock clock, Narrator say) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
  }

  /** Receipts for the interaction's messages to {@code recipient}; takes two minutes. */
  void run(InteractionId interaction, String recipient) {
    List<Message> toMia = oc.interactions().messages(interaction).stream()
        .filter(m -> m.deliveryStatus().isPresent())
        .toList();
    Instant fileSent = toMia.get(toMia.size() - 1).createdAt(); // the last, refused, message
    Instant welcomeSent = toMia.stream().filter(Message::canned).findFirst().orElseThrow()
        .createdAt();
    clock.advance(Duration.ofMinutes(1));
    say.section("Messenger reports back", "oc.applyReceipt(account, DeliveryReceipt.upTo(…))");
    say.action(now() + "  Delivered: everything sent to Mia up to " + Narrator.time(fileSent)
        + " is on her phone (a watermark):");
    DeliveryReceipt delivered = DeliveryReceipt.upTo(recipient, DeliveryStatus.DELIVERED, fileSent);
    oc.applyReceipt(ContactCenter.MESSENGER, delivered);

    clock.advance(Duration.ofMinutes(1));
    say.action(now() + "  Read: Mia has seen everything up to Ann's welcome, "
        + Narrator.time(welcomeSent) + ":");
    oc.applyReceipt(ContactCenter.MESSENGER,
        DeliveryReceipt.upTo(recipient, DeliveryStatus.READ, welcomeSent));
    say.say("The file stays ✗ FAILED: receipts only move messages the platform accepted.");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
