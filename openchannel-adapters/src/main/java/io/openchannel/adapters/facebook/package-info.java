/**
 * Meta's messaging channels: {@link io.openchannel.adapters.facebook.MessengerConnector}
 * (Messenger, private), {@link io.openchannel.adapters.facebook.PageFeedConnector} (comments and
 * visitor posts on a Facebook Page, public) and
 * {@link io.openchannel.adapters.facebook.InstagramConnector} (Instagram direct messages), all
 * configured by one {@link io.openchannel.adapters.facebook.FacebookConfig}.
 */
package io.openchannel.adapters.facebook;
