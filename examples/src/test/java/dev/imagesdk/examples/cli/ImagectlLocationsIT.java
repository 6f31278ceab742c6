package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpServer;
import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl locations ...} against the real Glance that shows locations ({@code IMAGESDK_GLANCE_LOCATIONS_URL},
 * it-env's limits Glance; Glance 30.0 in test-all's second run) and against the headers-mode Glance that hides
 * them ({@code IMAGESDK_GLANCE_URL}). The data lies on a loopback http server of this test: 1,000 and 2,000 bytes.
 */
class ImagectlLocationsIT {
    private static HttpServer data;
    private static final String PROJECT = UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void serveData() throws IOException {
        data = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        Map<String, Integer> sizes = Map.of("/one.img", 1000, "/two.img", 2000);
        data.createContext("/", exchange -> {
            try (exchange) {
                Integer size = sizes.get(exchange.getRequestURI().getPath());
                if (size == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", size.toString());
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(200, size);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(new byte[size]);
                    }
                }
            }
        });
        data.start();
    }

    @AfterAll
    static void stop() {
        data.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + data.getAddress().getPort() + path;
    }

    private static Cli.Result run(String endpoint, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[]{"--endpoint", endpoint, "--project", PROJECT, "--user", "imagectl-locations"}, 0,
                all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return Cli.run(Map.of(), false, all);
    }

    private static Object json(String text) throws IOException {
        return new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void locationsAreAddedListedReplacedAndRemovedByImageName() throws IOException {
        String endpoint = RealGlance.require("IMAGESDK_GLANCE_LOCATIONS_URL");
        String name = "imagectl-locations-" + PROJECT.substring(0, 8);
        Cli.Result created = run(endpoint, "images", "create", "--name", name, "--disk-format", "raw",
                "--container-format", "bare", "-f", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Cli.Result added = run(endpoint, "locations", "add", name, url("/one.img"), "--metadata", "purpose=test", "-f", "json");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat((List<Object>) json(added.out())).containsExactly(Map.of("url", url("/one.img"), "store", "web",
                "metadata", Map.of("purpose", "test", "store", "web")));
        assertThat(added.err()).contains("1 location(s), status active");
        assertThat(run(endpoint, "images", "show", name, "-f", "value", "-c", "size").out()).isEqualTo("1000\n");

        assertThat(run(endpoint, "locations", "add", name, url("/two.img")).exitCode()).isZero();
        Cli.Result listed = run(endpoint, "locations", "list", name, "-f", "value", "-c", "url");
        assertThat(listed.out()).isEqualTo(url("/one.img") + "\n" + url("/two.img") + "\n");

        Cli.Result removed = run(endpoint, "locations", "remove", name, url("/one.img"));
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.err()).contains("1 location(s) left");
        Cli.Result last = run(endpoint, "locations", "remove", name, url("/two.img"));
        assertThat(last.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(last.err()).contains("Cannot remove last location in the image.");

        String other = name + "-replaced";
        assertThat(run(endpoint, "images", "create", "--name", other, "--disk-format", "raw", "--container-format",
                "bare").exitCode()).isZero();
        Cli.Result replaced = run(endpoint, "locations", "replace", other, url("/one.img"), url("/two.img"),
                "-f", "value", "-c", "url");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(replaced.out()).isEqualTo(url("/one.img") + "\n" + url("/two.img") + "\n");

        Cli.Result badHash = run(endpoint, "locations", "add", other, url("/one.img"), "--hash", "sha512");
        assertThat(badHash.exitCode()).isEqualTo(ExitCodes.USAGE);
        for (String image : List.of(name, other)) {
            assertThat(run(endpoint, "images", "delete", image).exitCode()).isZero();
        }
    }

    @Test
    void aServerThatHidesLocationsSaysSo() {
        String endpoint = RealGlance.endpoint();
        String name = "imagectl-hidden-" + PROJECT.substring(0, 8);
        assertThat(run(endpoint, "images", "create", "--name", name, "--disk-format", "raw", "--container-format",
                "bare").exitCode()).isZero();
        Cli.Result add = run(endpoint, "locations", "add", name, url("/one.img"));
        assertThat(add.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(add.err()).contains("switched off image locations (show_multiple_locations)");
        Cli.Result list = run(endpoint, "locations", "list", name);
        assertThat(list.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(list.err()).contains("the service hides image locations");
        assertThat(run(endpoint, "images", "delete", name).exitCode()).isZero();
    }
}
