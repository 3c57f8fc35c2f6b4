package io.openchannel.examples.demo;

import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.ScriptedConnector;

/**
 * The "platforms" behind the demo's accounts: {@link ScriptedConnector}s, fakes that accept every
 * message unless the demo scripts a failure, and record what they accepted. A host registers its
 * real connectors (from {@code openchannel-adapters}) the same way.
 *
 * @param messenger stands in for Facebook Messenger's Send API
 * @param whatsApp stands in for the WhatsApp Cloud API
 */
record Platforms(ScriptedConnector messenger, ScriptedConnector whatsApp) {
  /** Both fakes, with demo webhook secrets (the demo never calls their webhooks). */
  static Platforms scripted() {
    return new Platforms(new ScriptedConnector(ChannelType.FACEBOOK_MESSENGER, "demo-secret"),
        new ScriptedConnector(ChannelType.WHATSAPP, "demo-secret"));
  }
}
