package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.BETA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class ImagesCommandTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    private static Map<String, Object> json(String text) throws IOException {
        return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    private String create(String... extra) throws IOException {
        String[] args = new String[extra.length + 4];
        args[0] = "images";
        args[1] = "create";
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 2] = "-f";
        args[args.length - 1] = "json";
        return (String) json(emu.ok(ALPHA_TOKEN, args)).get("id");
    }

    @Test
    void createShowsEveryAttributeAndShowFindsIt() throws IOException {
        String out = emu.ok(ALPHA_TOKEN, "images", "create", "--id", "11111111-2222-3333-4444-555555555555",
                "--name", "web", "--disk-format", "raw", "--container-format", "bare", "--min-ram", "512",
                "--tag", "t1", "--property", "os_distro=ubuntu");
        assertThat(out).contains("id                11111111-2222-3333-4444-555555555555\n")
                .contains("status            queued\n", "min_ram           512\n", "tags              t1\n",
                        "os_distro         ubuntu\n", "checksum          -\n");
        Map<String, Object> shown = json(emu.ok(ALPHA_TOKEN, "images", "show", "11111111-2222-3333-4444-555555555555", "-f", "json"));
        assertThat(shown).containsEntry("name", "web").containsEntry("owner", "alpha").containsEntry("checksum", null)
                .containsEntry("tags", List.of("t1")).containsEntry("os_distro", "ubuntu");
    }

    @Test
    void listFiltersByTagPropertyAndNameAndLimits() throws IOException {
        create("--name", "a", "--tag", "web", "--property", "os_distro=debian");
        create("--name", "b", "--tag", "web");
        create("--name", "c");
        String byTag = emu.ok(ALPHA_TOKEN, "images", "list", "--tag", "web", "--sort", "name:asc");
        assertThat(byTag.lines().skip(2).map(l -> l.split("\\s+")[1]).toList()).containsExactly("a", "b");
        assertThat(byTag.lines().findFirst().orElseThrow()).startsWith("id").contains("name", "status", "visibility", "size", "owner");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "--property", "os_distro=debian", "-f", "yaml"))
                .contains("name: a\n").doesNotContain("name: b\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "--sort", "name:desc", "--limit", "1", "--page-size", "1"))
                .contains("  c  ").doesNotContain("  a  ");
        assertThat(emu.ok(BETA_TOKEN, "images", "list").lines().count()).as("beta sees none of alpha's images").isEqualTo(2);
    }

    @Test
    void listAsYamlAndJsonParseBackToTheSameRecords() throws IOException {
        create("--name", "yes", "--tag", "t", "--property", "os_distro=null", "--min-ram", "128");
        create("--name", "2026-11-23T00:00:00Z", "--protected");
        Object yaml = new org.yaml.snakeyaml.Yaml().load(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "yaml"));
        Object fromJson = new Moshi.Builder().build().adapter(Object.class).fromJson(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "json"));
        assertThat(dev.imagesdk.examples.cli.output.Normalize.numbers(yaml))
                .isEqualTo(dev.imagesdk.examples.cli.output.Normalize.numbers(fromJson));
        assertThat((List<Object>) yaml).hasSize(2);
        assertThat(((Map<String, Object>) ((List<Object>) yaml).get(0))).containsEntry("name", "2026-11-23T00:00:00Z")
                .containsEntry("protected", true);
    }

    @Test
    void updateChangesNamePropertiesAndTags() throws IOException {
        String id = create("--name", "old", "--property", "a=1", "--property", "b=2");
        Map<String, Object> updated = json(emu.ok(ALPHA_TOKEN, "images", "update", id, "--name", "new",
                "--property", "c=3", "--remove-property", "a", "--tags", "x,y", "--min-disk", "2", "-f", "json"));
        assertThat(updated).containsEntry("name", "new").containsEntry("c", "3").containsEntry("b", "2")
                .doesNotContainKey("a").containsEntry("min_disk", 2.0);
        assertThat((List<Object>) updated.get("tags")).containsExactlyInAnyOrder("x", "y");

        Cli.Result nothing = emu.as(ALPHA_TOKEN, "images", "update", id);
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).startsWith("imagectl: invalid input: nothing to change");
    }

    @Test
    void tagsAddAndRemove() throws IOException {
        String id = create("--name", "tagged");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "tag", "add", id, "blue", "green"))
                .isEqualTo("tagged image " + id + " with blue\ntagged image " + id + " with green\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "tag", "remove", id, "blue")).isEqualTo("removed tag blue from image " + id + "\n");
        assertThat((List<Object>) json(emu.ok(ALPHA_TOKEN, "images", "show", id, "-f", "json")).get("tags")).containsExactly("green");
    }

    @Test
    void uploadDownloadDeactivateReactivateDelete() throws IOException {
        String id = create("--name", "data", "--disk-format", "raw", "--container-format", "bare");
        Path source = dir.resolve("in.bin");
        byte[] bytes = new byte[3 << 20];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(source, bytes);

        Cli.Result up = emu.as(ALPHA_TOKEN, "images", "upload", id, source.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).startsWith("uploaded 3.0 MiB in ").contains("to image " + id + "; status active, sha512 ");
        assertThat(up.err()).as("no progress bar when piped").isEmpty();

        Path target = dir.resolve("out.bin");
        Cli.Result down = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", target.toString());
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).startsWith("downloaded 3.0 MiB in ").endsWith("to " + target + "; sha512 verified\n");
        assertThat(Files.mismatch(source, target)).isEqualTo(-1);

        Cli.Result again = emu.as(ALPHA_TOKEN, "images", "upload", id, source.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err()).startsWith("imagectl: 409 Conflict").contains("Check the image's status");

        assertThat(emu.ok(ALPHA_TOKEN, "images", "deactivate", id)).isEqualTo("deactivated image " + id + "\n");
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "show", id, "-f", "json"))).containsEntry("status", "deactivated");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "reactivate", id)).isEqualTo("reactivated image " + id + "\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "delete", id)).isEqualTo("deleted image " + id + "\n");
        assertThat(emu.emulator.imageCount()).isZero();
    }

    @Test
    void progressBarDrawsOnATerminalOnly() throws IOException {
        String id = create("--name", "progress", "--disk-format", "raw", "--container-format", "bare");
        Path source = dir.resolve("p.bin");
        Files.write(source, new byte[1 << 20]);
        Cli.Result r = emu.run(true, ALPHA_TOKEN, "images", "upload", id, source.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).startsWith("\rupload   [").contains("100%", "1.0 MiB / 1.0 MiB", "/s").endsWith(System.lineSeparator());
        assertThat(r.out()).doesNotContain("\r");
        // the bar's final state and the summary report the same elapsed time and rate
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile("100%  1.0 MiB / 1.0 MiB  (\\S+ \\S+)/s  (\\d+\\.\\d s)\\s*$")
                .matcher(r.err().substring(r.err().lastIndexOf('\r')));
        assertThat(bar.find()).as(r.err()).isTrue();
        assertThat(r.out()).startsWith("uploaded 1.0 MiB in " + bar.group(2) + " (" + bar.group(1) + "/s)");
    }

    @Test
    void importStagesAFileAndWaitsUntilActiveAndRefusesANonBootableDisk() throws IOException {
        String id = create("--name", "imported", "--disk-format", "raw", "--container-format", "bare");
        byte[] disk = new byte[1 << 20];
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        Path bootable = Files.write(dir.resolve("boot.raw"), disk);
        String out = emu.ok(ALPHA_TOKEN, "images", "import", id, "--file", bootable.toString(), "--require-bootable-raw");
        assertThat(out).contains("staged 1.0 MiB in ").contains("import of image " + id + " started (glance-direct)\n")
                .endsWith("image " + id + " is active, 1.0 MiB\n");

        String other = create("--name", "junk");
        Path junk = Files.write(dir.resolve("junk.raw"), new byte[1024]);
        Cli.Result refused = emu.as(ALPHA_TOKEN, "images", "import", other, "--file", junk.toString(), "--require-bootable-raw");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).startsWith("imagectl: invalid input: ").contains("not a bootable raw disk");
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "show", other, "-f", "json"))).containsEntry("status", "queued");
    }

    @Test
    void aFailedTransferEndsTheProgressLineBeforeTheError() throws IOException {
        String id = create("--name", "no-formats");
        Path source = dir.resolve("f.bin");
        Files.write(source, new byte[1 << 20]);
        Cli.Result r = emu.run(true, ALPHA_TOKEN, "images", "upload", id, source.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().filter(l -> l.startsWith("imagectl: 400 Bad Request")).count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void errorsAreOneLineWithExitCodes() {
        Cli.Result missing = emu.as(ALPHA_TOKEN, "images", "show", "00000000-0000-0000-0000-000000000000");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).startsWith("imagectl: 404 Not Found").endsWith("and that your project may see it\n");
        assertThat(missing.err().lines().count()).isEqualTo(1);

        Cli.Result badToken = emu.as("no-such-token", "images", "list");
        assertThat(badToken.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(badToken.err()).startsWith("imagectl: 401 Unauthorized: ").contains("the token is wrong or expired", "--token")
                .doesNotContain("browser");

        Cli.Result badFormat = emu.as(ALPHA_TOKEN, "images", "list", "-f", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("unknown format 'xml' (use tabulated (or table), json, yaml, value or csv)");

        Cli.Result noFile = emu.as(ALPHA_TOKEN, "images", "upload", "x", dir.resolve("nope").toString());
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
        assertThat(noFile.err()).startsWith("imagectl: no such file: ");

        Cli.Result unreachable = Cli.run("--endpoint", "http://127.0.0.1:1", "--project", "p", "images", "list");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(unreachable.err()).contains("Is the endpoint right and the service running?");

        Cli.Result unconfigured = Cli.run("images", "list");
        assertThat(unconfigured.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfigured.err()).startsWith("imagectl: no image service configured. Pass --endpoint URL")
                .contains("imagectl demo");
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "--debug", "images", "show", "00000000-0000-0000-0000-000000000000");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).contains("dev.imagesdk.core.error.NotFoundException").contains("\tat ");
    }

    @Test
    void trustedHeaderIdentityOptionsWork() throws IOException {
        Cli.Result r = Cli.run("--endpoint", emu.endpoint, "--project", "proj-h", "--user", "u1", "--roles", "member,reader",
                "images", "create", "--name", "by-headers", "-f", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(r.out())).containsEntry("owner", "proj-h");
    }

    @Test
    void aListingAtAWrongEndpointPathDoesNotBlameAnId() {
        Cli.Result r = Cli.run("--endpoint", emu.endpoint + "/nothing", "--token", ALPHA_TOKEN, "images", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).startsWith("imagectl: 404 Not Found: the service has no /nothing/v2/images")
                .contains("Check --endpoint").doesNotContain("Check the id");
    }

    @Test
    void anUnknownHostSaysSo() {
        Cli.Result r = Cli.run("--endpoint", "http://no-such-host.invalid:9292", "--project", "p", "images", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(r.err()).startsWith("imagectl: unknown host no-such-host.invalid: ").contains("Check the host name");
    }

    @Test
    void hintsSpeakOfOptionsNotJavaMethods() throws IOException {
        Cli.Result space = emu.as(ALPHA_TOKEN, "images", "create", "--name", "x", "--space", "lab");
        assertThat(space.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(space.err()).isEqualTo("imagectl: --space lab needs its organization. "
                + "Add --org SLUG (a space belongs to an organization)\n");
        assertThat(emu.emulator.imageCount()).as("nothing was created").isZero();

        String id = create("--name", "tagged");
        Cli.Result tag = emu.as(ALPHA_TOKEN, "images", "tag", "add", id, "plain", "w\u00f6rld");
        assertThat(tag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tag.err()).contains("imagectl images update " + id + " --tags TAG1,TAG2").doesNotContain("UpdateOpts", "(...)");
        assertThat((List<Object>) json(emu.ok(ALPHA_TOKEN, "images", "show", id, "-f", "json")).get("tags"))
                .as("validated before the first request").isEmpty();
        assertThat(emu.ok(ALPHA_TOKEN, "images", "update", id, "--tags", "w\u00f6rld", "-f", "json")).contains("w\u00f6rld");

        Cli.Result stores = emu.as(ALPHA_TOKEN, "images", "import", id, "--copy", "--store", "a", "--all-stores");
        assertThat(stores.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stores.err()).startsWith("imagectl: --store and --all-stores exclude each other").doesNotContain("(...)");
    }

    @Test
    void deleteOfSeveralImagesDeletesWhatItCanAndReportsEachFailure() throws IOException {
        String a = create("--name", "a");
        String c = create("--name", "c");
        String missing = "00000000-0000-0000-0000-0000000000bb";
        Cli.Result r = emu.as(ALPHA_TOKEN, "images", "delete", a, missing, c);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.out()).isEqualTo("deleted image " + a + "\ndeleted image " + c + "\n");
        List<String> err = r.err().lines().toList();
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).startsWith("imagectl: " + missing + ": 404 Not Found");
        assertThat(err.get(1)).isEqualTo("imagectl: 1 of 3 images not deleted");
        assertThat(emu.emulator.imageCount()).isZero();
    }

    @Test
    void downloadKeepsAnExistingFileUnlessForcedAndAMissingDirectoryIsALocalFileError() throws IOException {
        String id = create("--name", "data", "--disk-format", "raw", "--container-format", "bare");
        Path source = Files.write(dir.resolve("in.bin"), new byte[] {1, 2, 3, 4});
        emu.ok(ALPHA_TOKEN, "images", "upload", id, source.toString());
        Path target = Files.writeString(dir.resolve("keep.txt"), "precious");
        long before = emu.emulator.requestCount();

        Cli.Result kept = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", target.toString());
        assertThat(kept.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
        assertThat(kept.err()).isEqualTo("imagectl: " + target + " exists. Add --force to replace it, or choose another -o FILE\n");
        assertThat(Files.readString(target)).isEqualTo("precious");

        Path nowhere = dir.resolve("no-dir").resolve("out.bin");
        Cli.Result noDir = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", nowhere.toString());
        assertThat(noDir.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
        assertThat(noDir.err()).startsWith("imagectl: no such directory: " + nowhere.getParent());
        assertThat(emu.emulator.requestCount()).as("refused before any request").isEqualTo(before);

        Cli.Result forced = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", target.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void downloadChecksAnExpectedHashFromTheCommandLine() throws Exception {
        String id = create("--name", "manifest", "--disk-format", "raw", "--container-format", "bare");
        byte[] bytes = new byte[1 << 20];
        new java.util.Random(11).nextBytes(bytes);
        Path source = Files.write(dir.resolve("in.bin"), bytes);
        emu.ok(ALPHA_TOKEN, "images", "upload", id, source.toString());
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        Path good = dir.resolve("good.bin");
        Cli.Result ok = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", good.toString(), "--expect-hash", "sha256:" + sha256);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).endsWith("to " + good + "; sha512 verified; sha256 matches --expect-hash\n");
        assertThat(Files.mismatch(source, good)).isEqualTo(-1);

        Path fast = dir.resolve("fast.bin");
        Cli.Result noSync = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", fast.toString(), "--no-sync");
        assertThat(noSync.exitCode()).as(noSync.toString()).isZero();
        assertThat(Files.mismatch(source, fast)).isEqualTo(-1);

        String wrong = "0".repeat(64);
        Path bad = dir.resolve("bad.bin");
        Cli.Result mismatch = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", bad.toString(), "--expect-hash", "SHA-256:" + wrong);
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(mismatch.err()).startsWith("imagectl: Image data failed verification against the caller's expected hash: sha256 expected "
                + wrong + " but got " + sha256).contains("Check the hash (and its algorithm) in your manifest");
        assertThat(bad).doesNotExist();

        long before = emu.emulator.requestCount();
        Cli.Result notHex = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", bad.toString(), "--expect-hash", "sha256:xyz");
        assertThat(notHex.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notHex.err()).startsWith("imagectl: invalid input: expected sha256 hash must be 64 hexadecimal digits, was 'xyz'");
        Cli.Result noAlgo = emu.as(ALPHA_TOKEN, "images", "download", id, "-o", bad.toString(), "--expect-hash", sha256);
        assertThat(noAlgo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noAlgo.err()).startsWith("imagectl: --expect-hash needs ALGO:HEX");
        assertThat(emu.emulator.requestCount()).as("refused before any request").isEqualTo(before);
        assertThat(bad).doesNotExist();
    }

    @Test
    void valueCsvTableColumnsAndLong() throws IOException {
        String a = create("--id", "aaaaaaaa-0000-4000-8000-000000000001", "--name", "a, \"quoted\"", "--tag", "x", "--tag", "y");
        String b = create("--id", "aaaaaaaa-0000-4000-8000-000000000002", "--name", "b");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "--sort", "name:asc", "-f", "value", "-c", "id"))
                .isEqualTo(a + "\n" + b + "\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "--sort", "name:asc", "-f", "value", "-c", "name", "--column", "size"))
                .isEqualTo("a, \"quoted\" \nb \n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "--sort", "name:asc", "-f", "csv", "-c", "id", "-c", "name", "-c", "tags"))
                .isEqualTo("id,name,tags\n" + a + ",\"a, \"\"quoted\"\"\",\"x,y\"\n" + b + ",b,\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "table"))
                .isEqualTo(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "tabulated"));
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", b, "-f", "value", "-c", "name", "-c", "status")).isEqualTo("b\nqueued\n");
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "show", b, "-f", "json", "-c", "name"))).isEqualTo(Map.of("name", "b"));

        String header = emu.ok(ALPHA_TOKEN, "images", "list", "--long").lines().findFirst().orElseThrow();
        assertThat(header.split("\\s+")).contains("id", "name", "protected", "os_hidden", "checksum", "min_ram", "tags", "created_at");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list").lines().findFirst().orElseThrow()).doesNotContain("created_at");

        Cli.Result bad = emu.as(ALPHA_TOKEN, "images", "list", "-c", "nope");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("imagectl: no such column: nope. Columns here: id, name, status");
    }

    @Test
    void listFiltersOfTheSdk() throws IOException {
        create("--name", "plain", "--disk-format", "raw", "--container-format", "bare");
        create("--name", "hidden", "--hidden", "--disk-format", "qcow2", "--container-format", "bare");
        create("--name", "guarded", "--protected", "--disk-format", "iso", "--container-format", "ovf");
        assertThat(names("images", "list")).containsExactlyInAnyOrder("plain", "guarded");
        assertThat(names("images", "list", "--hidden")).containsExactly("hidden");
        assertThat(names("images", "list", "--protected")).containsExactly("guarded");
        assertThat(names("images", "list", "--protected", "false")).containsExactly("plain");
        assertThat(names("images", "list", "--disk-format", "raw,iso")).containsExactlyInAnyOrder("plain", "guarded");
        assertThat(names("images", "list", "--container-format", "ovf")).containsExactly("guarded");
    }

    private List<String> names(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "-f";
        all[args.length + 1] = "value";
        all[args.length + 2] = "-c";
        all[args.length + 3] = "name";
        return emu.ok(ALPHA_TOKEN, all).lines().toList();
    }

    @Test
    void namesAreAcceptedWhereverIdsAre() throws IOException {
        String web = create("--name", "web", "--disk-format", "raw", "--container-format", "bare");
        String hidden = create("--name", "secret", "--hidden");
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "show", "web", "-f", "json"))).containsEntry("id", web);
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "show", "secret", "-f", "json"))).containsEntry("id", hidden);
        assertThat(emu.ok(ALPHA_TOKEN, "images", "tag", "add", "web", "blue")).isEqualTo("tagged image " + web + " with blue\n");
        assertThat(json(emu.ok(ALPHA_TOKEN, "images", "update", "web", "--min-ram", "64", "-f", "json")))
                .containsEntry("id", web).containsEntry("min_ram", 64.0);
        Path data = Files.write(dir.resolve("w.raw"), new byte[] {5});
        assertThat(emu.ok(ALPHA_TOKEN, "images", "upload", "web", data.toString())).contains("to image " + web + ";");
        assertThat(emu.ok(ALPHA_TOKEN, "members", "add", "secret", "beta")).contains(hidden);

        Cli.Result none = emu.as(ALPHA_TOKEN, "images", "show", "nothing-like-it");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(none.err()).contains("no image named \"nothing-like-it\"").contains("Check the name");

        String twin = create("--name", "web");
        long before = emu.emulator.requestCount();
        Cli.Result two = emu.as(ALPHA_TOKEN, "images", "delete", "web");
        assertThat(two.exitCode()).as(two.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("2 images are named \"web\": ").contains(web + " (active, owner alpha)")
                .contains(twin + " (queued, owner alpha)").contains("Give the id of the one you mean");
        assertThat(emu.emulator.imageCount()).as("nothing deleted").isEqualTo(3);
        assertThat(emu.emulator.requestCount() - before).as("only the two listings").isEqualTo(2);

        assertThat(emu.ok(ALPHA_TOKEN, "images", "delete", "secret")).isEqualTo("deleted image " + hidden + " (secret)\n");
    }

    @Test
    void storeDeleteRemovesOneCopyAndRefusesTheLast() throws IOException {
        String id = create("--name", "two-copies", "--disk-format", "raw", "--container-format", "bare");
        Path data = java.nio.file.Files.write(dir.resolve("two.raw"), new byte[2048]);
        emu.ok(ALPHA_TOKEN, "images", "upload", id, data.toString());
        emu.ok(DemoIdentities.ADMIN_TOKEN, "images", "import", id, "--copy", "--store", "cheap");

        assertThat(emu.ok(ALPHA_TOKEN, "images", "store-delete", "two-copies", "fast"))
                .isEqualTo("removed the data of image " + id + " from store fast\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", id, "-f", "value", "-c", "stores")).contains("cheap")
                .doesNotContain("fast");
        Cli.Result last = emu.as(ALPHA_TOKEN, "images", "store-delete", id, "cheap");
        assertThat(last.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(last.err()).contains("Cannot delete image data from the only store containing it");
    }
}
