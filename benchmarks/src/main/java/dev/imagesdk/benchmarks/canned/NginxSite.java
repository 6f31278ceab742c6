package dev.imagesdk.benchmarks.canned;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the canned Glance that nginx serves on loopback, so that client cost is measured apart from
 * Glance's own speed: a document root per server and an {@code nginx.conf}.
 *
 * <p>Each server answers like Glance for what the benchmarks ask:
 * <ul>
 *   <li>{@code GET /v2/images?limit=L[&marker=M]}: pre-rendered pages chaining through {@code next}
 *       (only {@code limit} and {@code marker} select the page, other query parameters are ignored);</li>
 *   <li>{@code GET /v2/images/{id}}: the record of each served file (with its real MD5 and SHA-512);</li>
 *   <li>{@code GET /v2/images/{id}/file}: the file itself (sendfile, with {@code Content-MD5} like Glance);</li>
 *   <li>{@code PUT /v2/images/{id}/file}: a sink (WebDAV PUT into the tmpfs document root; the harness
 *       deletes what arrives);</li>
 *   <li>{@code GET /}, {@code /versions}, {@code /v2/schemas/image}: version document and image schema.</li>
 * </ul>
 *
 * <p>Usage: {@code NginxSite <prefix> <server>...} where each server is
 * {@code name:port:images:limit[,limit...]} and options {@code --file id:path:size:md5:sha512} (served by
 * every server), {@code --schema path} (a schema document fetched from the real Glance).
 */
public final class NginxSite {
    /** One canned server: a listing of {@code images} images, pre-rendered for each page size. */
    public record Server(String name, int port, int images, List<Integer> limits) {
        static Server parse(String spec) {
            String[] p = spec.split(":");
            List<Integer> limits = new ArrayList<>();
            for (String l : p[3].split(",")) {
                limits.add(Integer.parseInt(l));
            }
            return new Server(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), limits);
        }
    }

    /** An image whose data the servers serve. */
    public record ServedFile(String id, Path path, long size, String md5, String sha512) {
        static ServedFile parse(String spec) {
            String[] p = spec.split(":");
            return new ServedFile(p[0], Path.of(p[1]), Long.parseLong(p[2]), p[3], p[4]);
        }
    }

    private NginxSite() {
    }

    /** Entry point: see the class comment. */
    public static void main(String[] args) throws IOException {
        Path prefix = Path.of(args[0]).toAbsolutePath();
        List<Server> servers = new ArrayList<>();
        List<ServedFile> files = new ArrayList<>();
        Path schema = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> files.add(ServedFile.parse(args[++i]));
                case "--schema" -> schema = Path.of(args[++i]);
                default -> servers.add(Server.parse(args[i]));
            }
        }
        String schemaJson = schema == null ? "{}" : Files.readString(schema);
        write(prefix, servers, files, schemaJson);
        System.out.println(prefix.resolve("conf/nginx.conf"));
    }

    /**
     * Writes the document roots and {@code conf/nginx.conf} below {@code prefix}.
     *
     * @return the total number of bytes of listing pages written
     */
    public static long write(Path prefix, List<Server> servers, List<ServedFile> files, String schemaJson) throws IOException {
        long bytes = 0;
        Files.createDirectories(prefix.resolve("conf"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        for (Server s : servers) {
            Path www = prefix.resolve("www-" + s.name());
            Files.createDirectories(www.resolve("records"));
            Files.createDirectories(www.resolve("schemas"));
            Files.createDirectories(www.resolve("v2/images"));
            Files.writeString(www.resolve("schemas/image.json"), schemaJson);
            Files.writeString(www.resolve("versions.json"), versions(s.port()));
            for (ServedFile f : files) {
                Files.writeString(www.resolve("records/" + f.id() + ".json"),
                        CannedImages.record(f.id(), "bench-file-" + f.size(), f.size(), f.md5(), f.sha512(), 7));
                Path dir = Files.createDirectories(www.resolve("v2/images/" + f.id()));
                Files.deleteIfExists(dir.resolve("file"));
                Files.createSymbolicLink(dir.resolve("file"), f.path().toAbsolutePath());
            }
            for (int limit : s.limits()) {
                Path pages = Files.createDirectories(www.resolve("pages/" + limit));
                List<String> urls = new ArrayList<>();
                int count = CannedImages.pageCount(s.images(), limit);
                for (int p = 0; p < count; p++) {
                    String marker = p == 0 ? "first" : CannedImages.id(s.name(), p * limit - 1);
                    byte[] page = CannedImages.page(s.name(), s.images(), limit, p).getBytes(StandardCharsets.UTF_8);
                    Files.write(pages.resolve(marker + ".json"), page);
                    bytes += page.length;
                    urls.add("http://127.0.0.1:" + s.port() + (p == 0 ? "/v2/images?limit=" + limit
                            : CannedImages.nextLink(s.name(), limit, p * limit - 1)));
                }
                Files.write(prefix.resolve("urls-" + s.name() + "-" + limit + ".txt"), urls);
            }
        }
        try (Writer w = Files.newBufferedWriter(prefix.resolve("conf/nginx.conf"))) {
            w.write(conf(prefix, servers, files));
        }
        return bytes;
    }

    static String versions(int port) {
        StringBuilder b = new StringBuilder("{\"versions\": [");
        for (int minor = 16; minor >= 0; minor--) {
            b.append("{\"id\": \"v2.").append(minor).append("\", \"status\": \"").append(minor == 16 ? "CURRENT" : "SUPPORTED")
                    .append("\", \"links\": [{\"rel\": \"self\", \"href\": \"http://127.0.0.1:").append(port).append("/v2/\"}]}");
            b.append(minor > 0 ? ", " : "");
        }
        return b.append("]}").toString();
    }

    static String conf(Path prefix, List<Server> servers, List<ServedFile> files) {
        StringBuilder c = new StringBuilder();
        c.append("# Written by dev.imagesdk.benchmarks.canned.NginxSite: canned Glance for the benchmarks.\n");
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root root;\n");
        }
        c.append("worker_processes 1;\n");
        c.append("daemon on;\n");
        c.append("pid ").append(prefix).append("/nginx.pid;\n");
        c.append("error_log ").append(prefix).append("/logs/error.log warn;\n");
        c.append("events { worker_connections 256; }\n");
        c.append("http {\n");
        c.append("  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 1000000;\n  keepalive_timeout 120s;\n");
        for (String t : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            c.append("  ").append(t).append("_temp_path ").append(prefix).append("/tmp/").append(t).append(";\n");
        }
        c.append("  client_max_body_size 0;\n  map_hash_bucket_size 256;\n");
        c.append("  default_type application/octet-stream;\n");
        c.append("  map $arg_marker $page_marker {\n    \"\" first;\n    default $arg_marker;\n  }\n");
        c.append("  map $uri $content_md5 {\n    default \"\";\n");
        for (ServedFile f : files) {
            c.append("    /v2/images/").append(f.id()).append("/file ").append(f.md5()).append(";\n");
        }
        c.append("  }\n");
        for (Server s : servers) {
            c.append("  server {\n");
            c.append("    listen 127.0.0.1:").append(s.port()).append(";\n");
            c.append("    root ").append(prefix).append("/www-").append(s.name()).append(";\n");
            c.append("    location = / { default_type application/json; try_files /versions.json =404; }\n");
            c.append("    location = /versions { default_type application/json; try_files /versions.json =404; }\n");
            c.append("    location = /v2/schemas/image { default_type application/json; try_files /schemas/image.json =404; }\n");
            c.append("    location = /v2/images {\n      default_type application/json;\n")
                    .append("      try_files /pages/$arg_limit/$page_marker.json =404;\n    }\n");
            c.append("    location ~ ^/v2/images/([0-9a-fA-F-]+)$ { default_type application/json; try_files /records/$1.json =404; }\n");
            c.append("    location ~ ^/v2/images/[0-9a-fA-F-]+/file$ {\n      dav_methods PUT;\n      create_full_put_path on;\n")
                    .append("      add_header Content-MD5 $content_md5;\n    }\n");
            c.append("  }\n");
        }
        c.append("}\n");
        return c.toString();
    }
}
