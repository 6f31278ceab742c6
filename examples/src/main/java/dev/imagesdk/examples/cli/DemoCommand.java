package dev.imagesdk.examples.cli;

import dev.imagesdk.testing.ImageServiceEmulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code imagectl demo}: a guided walk-through against an embedded emulator. Every step is a real
 * imagectl command, printed before it runs, so it can be repeated against {@code imagectl emulator}
 * or a real cloud.
 */
@Command(name = "demo", description = "A guided walk-through against an embedded image-service emulator "
        + "(no cloud, no credentials): create, upload, verified download, list and filter, share between projects, "
        + "publish to a space with image links, clean up.", mixinStandardHelpOptions = true)
final class DemoCommand extends ApiCommand {
    @Option(names = "--size-mib", defaultValue = "32", description = "Size of the generated image data in MiB (default: ${DEFAULT-VALUE}).")
    int sizeMib;

    private String endpoint;
    private int step;

    @Override
    void run() throws IOException, NoSuchAlgorithmException {
        if (sizeMib < 1 || sizeMib > 4096) {
            throw new CommandException(ExitCodes.USAGE, "--size-mib must be between 1 and 4096", "Pick a smaller size");
        }
        PrintWriter out = out();
        Path dir = Files.createTempDirectory("imagectl-demo");
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            DemoIdentities.register(emulator);
            endpoint = emulator.endpoint().toString().replaceAll("/+$", "");
            out.println("imagectl demo: a tour of the image service, run against an embedded emulator at " + endpoint);
            out.println("(no cloud, no credentials). Each step shows the imagectl command it runs; they all add");
            out.println("--endpoint " + endpoint + ". The emulator knows these callers:");
            DemoIdentities.describe(out);
            tour(out, dir);
            out.println();
            out.println("Emulator holds " + emulator.imageCount() + " images after clean-up. Demo complete.");
            out.println("Next: run 'imagectl emulator' and repeat any command above, or point imagectl at your cloud");
            out.println("with --os-cloud NAME (clouds.yaml) or OS_* variables, e.g. 'imagectl --os-cloud mycloud images list'.");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void tour(PrintWriter out, Path dir) throws IOException, NoSuchAlgorithmException {
        List<String> images = new ArrayList<>();

        heading(out, "Create an image record (project alpha). It is 'queued' until it has data.");
        String id = idOf(run(DemoIdentities.ALPHA_TOKEN, "images", "create", "--name", "demo-ubuntu",
                "--disk-format", "raw", "--container-format", "bare", "--property", "os_distro=ubuntu", "--tag", "demo"));
        images.add(id);

        heading(out, "Upload " + sizeMib + " MiB of generated data, streamed from a file (a progress bar shows on a terminal).");
        Path source = dir.resolve("demo-ubuntu.raw");
        String sourceSha = writeRandom(source, (long) sizeMib << 20);
        run(DemoIdentities.ALPHA_TOKEN, "images", "upload", id, source.toString());

        heading(out, "Download it again: the bytes are checked against the sha512 the service recorded.");
        Path copy = dir.resolve("copy.raw");
        run(DemoIdentities.ALPHA_TOKEN, "images", "download", id, "-o", copy.toString());
        String copySha = sha256(copy);
        out.println("  sha256 of original " + abbreviate(sourceSha) + ", of download " + abbreviate(copySha)
                + (sourceSha.equals(copySha) ? ": identical" : ": DIFFERENT"));
        if (!sourceSha.equals(copySha)) {
            throw new CommandException(ExitCodes.INTEGRITY, "the downloaded data differs from the upload", "Report this as a bug");
        }

        heading(out, "List and filter: two more images, then a server-side filter by tag and by custom property.");
        images.add(idOf(run(DemoIdentities.ALPHA_TOKEN, "images", "create", "--name", "demo-debian",
                "--property", "os_distro=debian", "--tag", "demo", "-f", "yaml")));
        images.add(idOf(run(DemoIdentities.ALPHA_TOKEN, "images", "create", "--name", "demo-scratch", "-f", "yaml")));
        run(DemoIdentities.ALPHA_TOKEN, "images", "list", "--tag", "demo", "--sort", "name:asc");
        run(DemoIdentities.ALPHA_TOKEN, "images", "list", "--property", "os_distro=ubuntu");

        heading(out, "Share demo-ubuntu with project beta; beta sees a pending offer, accepts it, and has it in its list.");
        run(DemoIdentities.ALPHA_TOKEN, "members", "add", id, "beta");
        run(DemoIdentities.BETA_TOKEN, "images", "list", "--visibility", "shared", "--member-status", "pending");
        run(DemoIdentities.BETA_TOKEN, "members", "accept", id, "beta");
        run(DemoIdentities.BETA_TOKEN, "images", "list");

        heading(out, "Publish an image to space acme/research (image and link in one step), plus an organization-wide link.");
        List<String> links = new ArrayList<>();
        String published = run(DemoIdentities.ALPHA_TOKEN, "images", "create", "--name", "demo-research",
                "--org", "acme", "--space", "research");
        images.add(idOf(published));
        links.addAll(listField(published, "links"));
        links.add(field(run(DemoIdentities.ALPHA_TOKEN, "image-links", "create", "--image", id,
                "--org", "acme", "--priority", "10", "--comment", "ubuntu for all of acme"), "linkid"));
        out.println("  Who sees which link: alice and bob are active in acme and in space acme/research;");
        out.println("  carol (project gamma) has only an inactive role in acme, so no acme link applies to her.");
        run(DemoIdentities.BETA_TOKEN, "image-links", "list");
        run(DemoIdentities.BETA_TOKEN, "image-links", "list", "-f", "yaml");
        run(DemoIdentities.GAMMA_TOKEN, "image-links", "list");

        heading(out, "Clean up: remove the links and the images.");
        run(DemoIdentities.ALPHA_TOKEN, concat(new String[] {"image-links", "delete"}, links.toArray(new String[0])));
        run(DemoIdentities.ALPHA_TOKEN, concat(new String[] {"images", "delete"}, images.toArray(new String[0])));
    }

    private void heading(PrintWriter out, String text) {
        out.println();
        out.println("== " + (++step) + ". " + text);
    }

    /** Prints the command, runs it with the same terminal settings, echoes its output; fails the demo if it fails. */
    private String run(String token, String... args) {
        PrintWriter out = out();
        out.println("$ imagectl --token " + token + " " + String.join(" ", quoted(args)));
        out.flush();
        String captured = invoke(token, args);
        out.print(indent(captured));
        out.flush();
        return captured;
    }

    private String invoke(String token, String[] args) {
        StringWriter captured = new StringWriter();
        int code;
        try (Imagectl nested = new Imagectl(Map.of()).interactive(imagectl().interactive())) {
            String[] all = concat(new String[] {"--endpoint", endpoint, "--token", token}, args);
            CommandLine cl = nested.commandLine(all);
            cl.setOut(new PrintWriter(captured, true));
            // The progress bar draws on stderr: pass it straight through to the terminal.
            cl.setErr(err());
            code = cl.execute(all);
        }
        if (code != ExitCodes.OK) {
            throw new CommandException(code, "demo step failed: imagectl " + String.join(" ", args),
                    "This is a bug in the SDK or the emulator; rerun with --debug");
        }
        return captured.toString();
    }

    private static String idOf(String output) {
        return field(output, "id");
    }

    /** A field of a single record printed as a field/value table or as YAML. */
    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\s+|: '?)([^'\\s]+)'?\\s*$").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in: " + output);
        }
        return m.group(1);
    }

    /** A list field of a field/value table ({@code links  a,b}). */
    private static List<String> listField(String output, String name) {
        return List.of(field(output, name).split(","));
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }

    private static List<String> quoted(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.isEmpty() || a.matches(".*[\\s'\"$].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String hex) {
        return hex.substring(0, 12) + "…";
    }

    /** Writes {@code size} pseudo-random bytes, streamed, and returns their SHA-256. */
    static String writeRandom(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(size);
        byte[] buffer = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buffer[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                int n = (int) Math.min(buffer.length, size - written);
                o.write(buffer, 0, n);
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
