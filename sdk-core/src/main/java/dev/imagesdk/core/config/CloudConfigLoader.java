package dev.imagesdk.core.config;

import dev.imagesdk.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds and merges the sources of a {@link CloudConfig} by openstacksdk's rules ({@code openstack/config/loader.py}):
 * which {@code clouds.yaml} and {@code secure.yaml} apply (search order, {@code $OS_CLIENT_CONFIG_FILE},
 * {@code $OS_CLIENT_SECURE_FILE}), which cloud is meant (named, {@code OS_CLOUD}, the cloud the {@code OS_*}
 * variables form, or the only cloud of the file), and the cloud entry with {@code secure.yaml} merged over it.
 * What the merged settings mean is {@link CloudConfig}'s job.
 */
final class CloudConfigLoader {
    /** {@code OS_X} variable to clouds.yaml {@code auth} key. */
    private static final Map<String, String> AUTH_VARIABLES = new LinkedHashMap<>();
    /** {@code OS_X} variable to clouds.yaml top-level key. */
    private static final Map<String, String> CLOUD_VARIABLES = new LinkedHashMap<>();

    static {
        for (String key : List.of("auth_url", "username", "user_id", "password", "user_domain_name", "user_domain_id",
                "project_name", "project_id", "project_domain_name", "project_domain_id", "domain_name", "domain_id",
                "default_domain_name", "default_domain_id", "application_credential_id", "application_credential_name",
                "application_credential_secret", "token", "endpoint")) {
            AUTH_VARIABLES.put("OS_" + key.toUpperCase(Locale.ROOT), key);
        }
        AUTH_VARIABLES.put("OS_TENANT_NAME", "project_name");
        AUTH_VARIABLES.put("OS_TENANT_ID", "project_id");
        AUTH_VARIABLES.put("OS_DEFAULT_DOMAIN", "default_domain_id");
        for (String key : List.of("auth_type", "region_name", "interface", "cacert", "cert", "key", "insecure",
                "verify", "image_endpoint_override")) {
            CLOUD_VARIABLES.put("OS_" + key.toUpperCase(Locale.ROOT), key);
        }
        CLOUD_VARIABLES.put("OS_ENDPOINT_TYPE", "interface");
    }

    /** The name of the cloud the {@code OS_*} variables form, unless {@code OS_CLOUD_NAME} renames it. */
    static final String ENV_CLOUD = "envvars";

    /** File name endings tried in each directory of the search path, in this order. */
    private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json");

    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.config");

    private CloudConfigLoader() {
    }

    /**
     * Loads from this process's environment, working directory, home ({@code $HOME}) and
     * {@code /etc/openstack}.
     *
     * @param cloudName the cloud to use, or {@code null} for {@code OS_CLOUD} / variables only
     */
    static CloudConfig load(String cloudName) {
        Map<String, String> env = System.getenv();
        return load(cloudName, env, Paths.get("").toAbsolutePath(), home(env), Paths.get("/etc/openstack"));
    }

    /**
     * The user's home as the OpenStack tools find it: {@code $HOME} when set, else Java's
     * {@code user.home} (which comes from the password database and ignores {@code $HOME}).
     */
    static Path home(Map<String, String> env) {
        String home = blankToNull(env.get("HOME"));
        return Paths.get(home != null ? home : System.getProperty("user.home"));
    }

    /**
     * Loads with an explicit environment and file system locations.
     *
     * @param cloudName the cloud to use, or {@code null} for {@code OS_CLOUD} / variables only
     * @param env the environment variables
     * @param workingDir where {@code ./clouds.yaml} is looked for
     * @param home the user's home ({@code ~/.config/openstack/}, and {@code ~/} in file settings)
     * @param systemDir the system directory ({@code /etc/openstack})
     */
    static CloudConfig load(String cloudName, Map<String, String> env, Path workingDir, Path home, Path systemDir) {
        String envCloudName = blankToNull(env.get("OS_CLOUD_NAME")) != null ? blankToNull(env.get("OS_CLOUD_NAME")) : ENV_CLOUD;
        List<String> variables = variablesSet(env);
        // OS_REGION_NAME is a selector for openstacksdk: it is a setting of the variables' cloud but forms none alone
        boolean variablesFormACloud = variables.stream().anyMatch(v -> !v.equals("OS_REGION_NAME"));
        String name = cloudName != null ? cloudName : blankToNull(env.get("OS_CLOUD"));
        boolean fromVariables;
        if (name == null) {
            // openstacksdk: the OS_* variables form a cloud of their own, the default when OS_CLOUD is unset;
            // without them, a clouds.yaml that defines exactly one cloud makes that cloud the default.
            fromVariables = variablesFormACloud;
            if (!fromVariables) {
                Path cloudsFile = find(env, "OS_CLIENT_CONFIG_FILE", "clouds", workingDir, home, systemDir);
                Map<String, Object> clouds = cloudsFile == null ? Map.of() : clouds(cloudsFile);
                if (clouds.size() != 1) {
                    throw new ValidationException("no cloud configured: set OS_CLOUD to a cloud in clouds.yaml (looked in "
                            + searchPath("clouds", workingDir, home, systemDir) + (cloudsFile == null ? ""
                            : "; " + cloudsFile + " defines " + new TreeSet<>(clouds.keySet()))
                            + ") or the OS_AUTH_URL, OS_USERNAME, ... variables");
                }
                name = clouds.keySet().iterator().next();
            }
        } else {
            fromVariables = name.equals(envCloudName) && variablesFormACloud;
        }
        Map<String, Object> cloud = new LinkedHashMap<>();
        Map<String, String> authSettings = new LinkedHashMap<>();
        String source;
        if (fromVariables) {
            Path cloudsFile = find(env, "OS_CLIENT_CONFIG_FILE", "clouds", workingDir, home, systemDir);
            if (cloudsFile != null && clouds(cloudsFile).containsKey(envCloudName)) {
                throw new ValidationException(cloudsFile + " defines a cloud named \"" + envCloudName + "\", which is also "
                        + "the name of the cloud the OS_* variables form (OS_CLOUD_NAME, default \"envvars\"): rename one");
            }
            for (Map.Entry<String, String> v : AUTH_VARIABLES.entrySet()) {
                String value = blankToNull(env.get(v.getKey()));
                if (value != null) {
                    authSettings.put(v.getValue(), value);
                }
            }
            for (Map.Entry<String, String> v : CLOUD_VARIABLES.entrySet()) {
                String value = blankToNull(env.get(v.getKey()));
                if (value != null) {
                    cloud.put(v.getValue(), value);
                }
            }
            source = "environment";
        } else {
            Path cloudsFile = find(env, "OS_CLIENT_CONFIG_FILE", "clouds", workingDir, home, systemDir);
            if (cloudsFile == null) {
                throw new ValidationException("cloud \"" + name + "\" was requested but no clouds.yaml exists in "
                        + searchPath("clouds", workingDir, home, systemDir));
            }
            Map<String, Object> clouds = clouds(cloudsFile);
            Object entry = clouds.get(name);
            if (!(entry instanceof Map)) {
                throw new ValidationException("cloud \"" + name + "\" is not defined in " + cloudsFile
                        + "; it defines: " + new TreeSet<>(clouds.keySet()));
            }
            deepMerge(cloud, asMap(entry));
            source = cloudsFile.toString();
            Path secureFile = find(env, "OS_CLIENT_SECURE_FILE", "secure", workingDir, home, systemDir);
            if (secureFile != null) {
                Object secure = clouds(secureFile).get(name);
                if (secure instanceof Map) {
                    deepMerge(cloud, asMap(secure));
                    source += " + " + secureFile;
                }
            }
            hintAboutSecureFileNextToConfigFile(env, secureFile);
            if (!variables.isEmpty()) {
                LOG.info("cloud \"{}\" is read from {} alone; the variables {} are not applied to a named cloud "
                        + "(openstacksdk's rule: they form the cloud \"{}\", used when no cloud is named and OS_CLOUD is unset)",
                        name, source, variables, envCloudName);
            }
            if (cloud.containsKey("profile")) {
                throw new ValidationException("cloud \"" + name + "\" uses a vendor profile (\"profile\"), which is not "
                        + "supported: write its auth_url and settings into the cloud entry");
            }
            Object authEntry = cloud.get("auth");
            if (authEntry instanceof Map) {
                ((Map<?, ?>) authEntry).forEach((k, v) -> {
                    if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                        authSettings.put(String.valueOf(k), String.valueOf(v));
                    }
                });
            } else if (authEntry != null) {
                throw new ValidationException("\"auth\" of cloud \"" + name + "\" in " + source + " is not a mapping");
            }
        }
        cloud.remove("auth");
        return new CloudConfig(cloudName == null && fromVariables ? null : name, source, Collections.unmodifiableMap(cloud),
                Collections.unmodifiableMap(authSettings), home);
    }

    /**
     * The OS_* variables set that this SDK reads as settings (selectors such as {@code OS_CLOUD},
     * {@code OS_CLIENT_CONFIG_FILE}, {@code OS_CLOUD_NAME} are not settings), by name only: never values.
     */
    private static List<String> variablesSet(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String v : AUTH_VARIABLES.keySet()) {
            if (blankToNull(env.get(v)) != null) {
                out.add(v);
            }
        }
        for (String v : CLOUD_VARIABLES.keySet()) {
            if (blankToNull(env.get(v)) != null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * openstacksdk does not look for {@code secure.yaml} next to {@code $OS_CLIENT_CONFIG_FILE}, and neither does
     * this SDK; when one lies there unused, say so instead of failing later for a missing password.
     */
    private static void hintAboutSecureFileNextToConfigFile(Map<String, String> env, Path secureFileUsed) {
        String configFile = blankToNull(env.get("OS_CLIENT_CONFIG_FILE"));
        if (configFile == null || Paths.get(configFile).toAbsolutePath().getParent() == null) {
            return;
        }
        Path dir = Paths.get(configFile).toAbsolutePath().getParent();
        for (String suffix : SUFFIXES) {
            Path beside = dir.resolve("secure" + suffix);
            if (Files.isRegularFile(beside) && (secureFileUsed == null
                    || !beside.toAbsolutePath().normalize().equals(secureFileUsed.toAbsolutePath().normalize()))) {
                LOG.warn("{} lies next to OS_CLIENT_CONFIG_FILE but is not read (neither by openstacksdk): secure.yaml is "
                        + "looked for in the search path only; set OS_CLIENT_SECURE_FILE={} to use it", beside, beside);
                return;
            }
        }
    }

    private static Path find(Map<String, String> env, String variable, String baseName, Path workingDir, Path home,
                             Path systemDir) {
        String explicit = blankToNull(env.get(variable));
        if (explicit != null) {
            Path p = Paths.get(explicit);
            if (!Files.isRegularFile(p)) {
                throw new ValidationException(variable + " names " + p + ", which is not a readable file");
            }
            return p;
        }
        for (Path candidate : candidates(baseName, workingDir, home, systemDir)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> candidates(String baseName, Path workingDir, Path home, Path systemDir) {
        List<Path> out = new ArrayList<>();
        for (Path dir : new Path[] {workingDir, home.resolve(".config").resolve("openstack"), systemDir}) {
            for (String suffix : SUFFIXES) {
                out.add(dir.resolve(baseName + suffix));
            }
        }
        return out;
    }

    private static String searchPath(String baseName, Path workingDir, Path home, Path systemDir) {
        List<String> dirs = new ArrayList<>();
        for (Path p : candidates(baseName, workingDir, home, systemDir)) {
            if (p.toString().endsWith(".yaml")) {
                dirs.add(p.toString());
            }
        }
        return dirs.toString();
    }

    /** The {@code clouds:} mapping of a clouds.yaml or secure.yaml file. */
    private static Map<String, Object> clouds(Path file) {
        Object document;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            // The exception's own message quotes the file, which may hold passwords: report the position only.
            Mark mark = e.getProblemMark();
            throw new ValidationException(file + " is not valid YAML" + (mark == null ? ""
                    : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new ValidationException(file + " is not valid YAML");
        } catch (IOException e) {
            throw new ValidationException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map) || !(((Map<?, ?>) document).get("clouds") instanceof Map)) {
            throw new ValidationException(file + " has no \"clouds:\" mapping at its top level");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) ((Map<?, ?>) document).get("clouds")).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, Object> asMap(Object entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) entry).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> target, Map<String, Object> overlay) {
        overlay.forEach((k, v) -> {
            Object existing = target.get(k);
            if (existing instanceof Map && v instanceof Map) {
                Map<String, Object> merged = new LinkedHashMap<>();
                ((Map<?, ?>) existing).forEach((ek, ev) -> merged.put(String.valueOf(ek), ev));
                Map<String, Object> over = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((ok, ov) -> over.put(String.valueOf(ok), ov));
                deepMerge(merged, over);
                target.put(k, merged);
            } else if (v instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((ok, ov) -> copy.put(String.valueOf(ok), ov));
                target.put(k, copy);
            } else {
                target.put(k, v);
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
