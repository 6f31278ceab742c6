/**
 * Client configuration as OpenStack users already have it: {@code clouds.yaml}, {@code secure.yaml}
 * and {@code OS_*} environment variables ({@link dev.imagesdk.core.config.CloudConfig}), and the TLS
 * settings they carry ({@link dev.imagesdk.core.config.TlsOptions}). A configuration is applied to a
 * client with {@code ServiceClient.builder().config(CloudConfig.fromCloud("mycloud"))}.
 *
 * <p>Inside: {@code CloudConfigLoader} finds and merges the files and variables, {@code CloudConfig}
 * reads the merged settings, {@code KeystoneSettings} maps the {@code auth} settings onto Keystone.
 */
package dev.imagesdk.core.config;
