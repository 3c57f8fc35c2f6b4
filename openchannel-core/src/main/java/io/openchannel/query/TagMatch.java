package io.openchannel.query;

/** How a tag filter with several tags matches. */
public enum TagMatch {
  /** The interaction has at least one of the tags. */
  ANY,
  /** The interaction has every one of the tags. */
  ALL
}
