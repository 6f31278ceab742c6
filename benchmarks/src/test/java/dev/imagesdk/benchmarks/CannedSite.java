package dev.imagesdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Serves a document root written by {@code NginxSite} with the same routing as its nginx.conf, so the
 * smoke test exercises the generated canned data without nginx.
 */
final class CannedSite extends Dispatcher {
    private final Path www;

    CannedSite(Path www) {
        this.www = www;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        try {
            HttpUrl url = r.getUrl();
            String path = url.encodedPath();
            if (path.equals("/") || path.equals("/versions")) {
                return file(www.resolve("versions.json"), "application/json");
            }
            if (path.equals("/v2/schemas/image")) {
                return file(www.resolve("schemas/image.json"), "application/json");
            }
            if (path.equals("/v2/images")) {
                String marker = url.queryParameter("marker");
                return file(www.resolve("pages/" + url.queryParameter("limit") + "/" + (marker == null ? "first" : marker) + ".json"),
                        "application/json");
            }
            String[] seg = path.split("/");
            if (seg.length == 4) {
                return file(www.resolve("records/" + seg[3] + ".json"), "application/json");
            }
            if (seg.length == 5 && seg[4].equals("file")) {
                Path f = www.resolve("v2/images/" + seg[3] + "/file");
                if (r.getMethod().equals("PUT")) {
                    Files.createDirectories(f.getParent());
                    Files.write(f, r.getBody() == null ? new byte[0] : r.getBody().toByteArray());
                    return new MockResponse.Builder().code(201).build();
                }
                return file(f, "application/octet-stream");
            }
            return new MockResponse.Builder().code(404).build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(500).body(e.toString()).build();
        }
    }

    private static MockResponse file(Path f, String type) throws IOException {
        if (!Files.isRegularFile(f)) {
            return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", type)
                .body(new Buffer().write(Files.readAllBytes(f))).build();
    }
}
