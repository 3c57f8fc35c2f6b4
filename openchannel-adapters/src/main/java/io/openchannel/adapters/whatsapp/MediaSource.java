package io.openchannel.adapters.whatsapp;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Opens the bytes of a media id the webhook named. The returned supplier does the network work
 * only when called: the engine calls it only for messages it has not stored yet.
 */
@FunctionalInterface
interface MediaSource {
  /** The bytes of {@code mediaId}; the supplier throws {@link java.io.UncheckedIOException}. */
  Supplier<InputStream> open(String mediaId);
}
