/**
 * Client configuration as OpenStack users already have it: {@code clouds.yaml}, {@code secure.yaml}
 * and {@code OS_*} environment variables ({@link dev.imagesdk.core.config.CloudConfig}), and the TLS
 * settings they carry ({@link dev.imagesdk.core.config.TlsOptions}). A configuration is applied to a
 * client with {@code ServiceClient.builder().config(CloudConfig.fromCloud("mycloud"))}.
 *
 * <p>The rules are openstacksdk's: {@code clouds.yaml} from {@code $OS_CLIENT_CONFIG_FILE}, {@code ./},
 * {@code ~/.config/openstack/}, {@code /etc/openstack/}; {@code secure.yaml} from {@code $OS_CLIENT_SECURE_FILE} and
 * the same directories (not from beside {@code $OS_CLIENT_CONFIG_FILE}); the cloud named, else {@code $OS_CLOUD},
 * else the cloud the {@code OS_*} variables form ({@code envvars}), else the file's only cloud; the variables never
 * override a named cloud. The details are in {@link dev.imagesdk.core.config.CloudConfig}.
 *
 * <p>Inside: {@code CloudConfigLoader} finds and merges the files and variables, {@code CloudConfig}
 * reads the merged settings, {@code KeystoneSettings} maps the {@code auth} settings onto Keystone.
 */
package dev.imagesdk.core.config;
