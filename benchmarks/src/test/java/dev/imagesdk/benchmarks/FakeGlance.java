package dev.imagesdk.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * A small in-memory Glance (and the one Keystone call openstack4j makes) for the benchmarks' smoke
 * test: create, upload, get, download, delete, list with limit/marker/next, schema, version document.
 * Records are rendered in Glance's shape (so every contender's decoder sees the real format).
 */
final class FakeGlance extends Dispatcher {
    static final String TOKEN = "smoke-token";
    private final Map<String, Img> images = new LinkedHashMap<>();
    private String self;

    private static final class Img {
        final String id;
        final String name;
        ByteString data;
        String status = "queued";

        Img(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    synchronized int count() {
        return images.size();
    }

    void endpoint(HttpUrl url) {
        String s = url.toString();
        self = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest r) {
        HttpUrl url = r.getUrl();
        String path = url.encodedPath();
        String method = r.getMethod();
        if (method.equals("POST") && path.equals("/v3/auth/tokens")) {
            return json(201, keystoneToken()).newBuilder().addHeader("X-Subject-Token", TOKEN).build();
        }
        if (!TOKEN.equals(r.getHeaders().get("X-Auth-Token")) && path.startsWith("/v2")) {
            return json(401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"no token\"}}");
        }
        if (path.equals("/") || path.equals("/versions")) {
            return json(200, "{\"versions\": [{\"id\": \"v2.16\", \"status\": \"CURRENT\", \"links\": [{\"rel\": \"self\", \"href\": \""
                    + self + "/v2/\"}]}]}");
        }
        if (path.equals("/v2/schemas/image")) {
            return json(200, "{\"name\": \"image\", \"properties\": {}, \"additionalProperties\": {\"type\": \"string\"}}");
        }
        if (path.equals("/v2/images")) {
            if (method.equals("POST")) {
                String body = r.getBody() == null ? "" : r.getBody().utf8();
                String name = body.replaceAll("(?s).*\"name\": \"([^\"]*)\".*", "$1");
                Img img = new Img(UUID.randomUUID().toString(), name);
                images.put(img.id, img);
                return json(201, record(img));
            }
            return list(url);
        }
        String[] seg = path.split("/");
        if (seg.length >= 4 && seg[2].equals("images")) {
            Img img = images.get(seg[3]);
            if (img == null) {
                return json(404, "{\"error\": {\"code\": 404, \"title\": \"Not Found\", \"message\": \"no image\"}}");
            }
            if (seg.length == 4 && method.equals("GET")) {
                return json(200, record(img));
            }
            if (seg.length == 4 && method.equals("DELETE")) {
                images.remove(img.id);
                return new MockResponse.Builder().code(204).build();
            }
            if (seg.length == 5 && seg[4].equals("file") && method.equals("PUT")) {
                img.data = r.getBody() == null ? ByteString.EMPTY : r.getBody();
                img.status = "active";
                return new MockResponse.Builder().code(204).build();
            }
            if (seg.length == 5 && seg[4].equals("file") && method.equals("GET")) {
                if (img.data == null) {
                    return new MockResponse.Builder().code(204).build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                        .addHeader("Content-MD5", hex("MD5", img.data)).body(new Buffer().write(img.data)).build();
            }
        }
        return json(404, "{\"error\": {\"code\": 404, \"title\": \"Not Found\", \"message\": \"" + method + " " + path + "\"}}");
    }

    private MockResponse list(HttpUrl url) {
        int limit = url.queryParameter("limit") == null ? 25 : Integer.parseInt(url.queryParameter("limit"));
        String marker = url.queryParameter("marker");
        List<Img> all = new ArrayList<>(images.values());
        int from = 0;
        if (marker != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(marker)) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(all.size(), from + limit);
        StringBuilder b = new StringBuilder("{\"images\": [");
        for (int i = from; i < to; i++) {
            b.append(i > from ? ", " : "").append(record(all.get(i)));
        }
        b.append("], \"first\": \"/v2/images?limit=").append(limit).append("\", \"schema\": \"/v2/schemas/images\"");
        if (to < all.size()) {
            b.append(", \"next\": \"/v2/images?limit=").append(limit).append("&marker=").append(all.get(to - 1).id).append('"');
        }
        return json(200, b.append('}').toString());
    }

    private static String record(Img img) {
        boolean hasData = img.data != null;
        return "{\"os_distro\": \"ubuntu\", \"build_id\": \"b-1\", \"name\": \"" + img.name + "\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\", \"visibility\": \"shared\", \"size\": " + (hasData ? img.data.size() : "null")
                + ", \"virtual_size\": null, \"status\": \"" + img.status + "\", \"checksum\": "
                + (hasData ? "\"" + hex("MD5", img.data) + "\"" : "null") + ", \"protected\": false, \"min_ram\": 0, "
                + "\"min_disk\": 0, \"owner\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"os_hidden\": false, \"os_hash_algo\": "
                + (hasData ? "\"sha512\"" : "null") + ", \"os_hash_value\": "
                + (hasData ? "\"" + hex("SHA-512", img.data) + "\"" : "null") + ", \"id\": \"" + img.id + "\", "
                + "\"created_at\": \"2026-11-22T12:50:30Z\", \"updated_at\": \"2026-11-22T12:50:30Z\", \"tags\": [], "
                + "\"self\": \"/v2/images/" + img.id + "\", \"file\": \"/v2/images/" + img.id + "/file\", "
                + "\"schema\": \"/v2/schemas/image\"}";
    }

    private String keystoneToken() {
        String endpoint = "{\"id\": \"e1\", \"interface\": \"public\", \"region\": \"RegionOne\", \"region_id\": \"RegionOne\", "
                + "\"url\": \"" + self + "\"}";
        return "{\"token\": {\"methods\": [\"password\"], \"expires_at\": \"2099-01-01T00:00:00.000000Z\", "
                + "\"issued_at\": \"2026-01-01T00:00:00.000000Z\", "
                + "\"user\": {\"id\": \"u1\", \"name\": \"alice\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}}, "
                + "\"project\": {\"id\": \"p1\", \"name\": \"demo-a\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}}, "
                + "\"roles\": [{\"id\": \"r1\", \"name\": \"member\"}], "
                + "\"catalog\": [{\"id\": \"s1\", \"type\": \"image\", \"name\": \"glance\", \"endpoints\": [" + endpoint + "]}]}}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static String hex(String algorithm, ByteString data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
