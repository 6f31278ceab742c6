/**
 * Client configuration as OpenStack users already have it: {@code clouds.yaml}, {@code secure.yaml}
 * and {@code OS_*} environment variables ({@link dev.imagesdk.core.config.CloudConfig}), and the TLS
 * settings they carry ({@link dev.imagesdk.core.config.TlsOptions}).
 */
package dev.imagesdk.core.config;
