/**
 * Internal: the HTTP client's TLS set-up from {@link dev.imagesdk.core.config.TlsOptions}. Not API.
 */
package dev.imagesdk.core.internal.tls;
