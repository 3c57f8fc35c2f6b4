/**
 * What every connector in {@code openchannel-adapters} shares: {@link
 * io.openchannel.adapters.HttpSettings}, the HTTP client, timeouts and webhook size limit a
 * connector's configuration holds. Each channel's connector lives in its own subpackage.
 */
package io.openchannel.adapters;
