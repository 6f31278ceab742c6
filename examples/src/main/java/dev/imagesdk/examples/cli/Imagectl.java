package dev.imagesdk.examples.cli;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.examples.cli.output.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code imagectl}: manage images, their members and image links on a Glance-compatible image service,
 * or try everything against an embedded emulator ({@code imagectl demo}).
 *
 * <p>Global options (inherited by every subcommand, so they may be given before or after it) choose the
 * service and the identity; see {@link Connection} for how they combine with {@code OS_*} variables.
 */
@Command(name = "imagectl",
        mixinStandardHelpOptions = true,
        versionProvider = Imagectl.Version.class,
        description = "Manage images, image members and image links on an OpenStack Glance (Image API v2) "
                + "service, or try it all against an embedded emulator: imagectl demo",
        footer = ExitCodes.HELP)
public final class Imagectl implements Runnable, AutoCloseable {
    /**
     * The subcommands, in the order of the help. They are added when the command line is built, and only the
     * one a run names: building picocli's model of every command, option and description took most of a
     * short command's start-up (class-load log of {@code imagectl --version}: 1.3 of 1.9 s on a loaded machine).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ImagesCommand.class,
            MembersCommand.class,
            ImageLinksCommand.class,
            OrgImagesCommand.class,
            InfoCommands.TasksCommand.class,
            InfoCommands.Stores.class,
            InfoCommands.Usage.class,
            InfoCommands.ImportInfo.class,
            CacheCommand.class,
            LocationsCommand.class,
            MetadefCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    /** The global options that take a value as the next argument (when not written {@code --opt=value}). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--os-cloud", "--endpoint", "--token", "--project", "--user", "--roles");

    @Option(names = "--os-cloud", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Use this clouds.yaml entry (default: $OS_CLOUD).")
    String osCloud;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Image service URL, e.g. http://127.0.0.1:9292 (skips the service catalog).")
    String endpoint;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Send this token as X-Auth-Token (default: $OS_TOKEN with --endpoint).")
    String token;

    @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Trusted-headers identity: the project to act for (Glance without Keystone).")
    String project;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Trusted-headers identity: the user (default: imagectl).")
    String user;

    @Option(names = "--roles", scope = ScopeType.INHERIT, paramLabel = "ROLE", split = ",",
            description = "Trusted-headers identity: roles (default: member,reader).")
    String[] roles;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log HTTP exchanges (credentials redacted) and print stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private Boolean interactive;
    private Connection connection;

    /** imagectl reading this process's environment. */
    public Imagectl() {
        this(System.getenv());
    }

    /** imagectl reading {@code env} instead of the process environment (for tests). */
    public Imagectl(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Runs imagectl and exits with its exit code. */
    public static void main(String[] args) {
        // Before any logger exists: SDK logs only warnings, unless --debug asks for the HTTP exchanges.
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        int code;
        try (Imagectl imagectl = new Imagectl()) {
            code = imagectl.commandLine(args).execute(args);
        }
        System.exit(code);
    }

    /** A configured command line with every subcommand: exit codes, one-line errors, case-insensitive formats. */
    public CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The command line to execute {@code args} with: only the subcommand they name is built (with all of its
     * own subcommands); every subcommand when they name none or one that does not exist (help, suggestions).
     */
    public CommandLine commandLine(String[] args) {
        Class<?> named = named(args);
        if (named == null && List.of(args).stream().anyMatch(a -> a.equals("--version") || a.equals("-V"))
                && List.of(args).stream().noneMatch(a -> a.startsWith("-h") || a.equals("--help") || a.equals("help"))) {
            return build(List.of());
        }
        return build(named == null ? SUBCOMMANDS : List.of(named));
    }

    /** The subcommand class the first word of {@code args} that is not a global option names, or null. */
    static Class<?> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            if (a.equals("help")) {
                return null;
            }
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(a) || List.of(command.aliases()).contains(a)) {
                    return c;
                }
            }
            return null;
        }
        return null;
    }

    private CommandLine build(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(this);
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        if (cl.getSubcommands().containsKey("emulator")) {
            EmulatorCommand.ownOptionsOnly(cl.getSubcommands().get("emulator").getCommandSpec(), true);
        }
        if (cl.getSubcommands().containsKey("demo")) {
            EmulatorCommand.ownOptionsOnly(cl.getSubcommands().get("demo").getCommandSpec(), false);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Failure f = Failure.of(ex);
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText(f.line()));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return f.exitCode();
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getColorScheme().errorText("imagectl: " + ex.getMessage()
                    + ". See '" + cmd.getCommandSpec().qualifiedName() + " --help'"));
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The environment imagectl reads {@code OS_*} settings from. */
    Map<String, String> env() {
        return env;
    }

    /** Whether --debug was given. */
    boolean debug() {
        return debug;
    }

    /** Whether progress bars are drawn: attached to a terminal unless a test decides. */
    boolean interactive() {
        return interactive != null ? interactive : System.console() != null;
    }

    /** Forces progress bars on or off (tests). */
    public Imagectl interactive(boolean on) {
        this.interactive = on;
        return this;
    }

    /** A progress bar on stderr that draws only when interactive. */
    ProgressBar progress(PrintWriter err, String label, long total) {
        return new ProgressBar(err, label, total, interactive(), System::nanoTime);
    }

    /** The client for the configured service, created on first use and closed with imagectl. */
    ServiceClient client() {
        if (connection == null) {
            connection = Connection.open(this);
        }
        return connection.client();
    }

    /** The cloud configuration the client came from ({@code --os-cloud}, {@code OS_*}), if any. */
    java.util.Optional<dev.imagesdk.core.config.CloudConfig> cloudConfig() {
        client();
        return connection.config();
    }

    /** Closes the client, if one was opened. */
    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Reports the SDK version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"imagectl " + ServiceClient.sdkVersion()};
        }
    }
}
