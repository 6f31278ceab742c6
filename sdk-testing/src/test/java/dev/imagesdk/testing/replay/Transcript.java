package dev.imagesdk.testing.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded Glance exchanges of {@code ../shared/glance/transcript.md}: each {@code ###} section
 * holds a request block (method, path, {@code # identity:} line, headers, body) and a response block
 * (status line, headers, body).
 */
final class Transcript {
    private static final Pattern BLOCK = Pattern.compile("```http\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BINARY = Pattern.compile("<binary body from .*?: (\\d+) bytes>");

    /** Who sent a recorded request. */
    enum Caller { NONE, A, B, ADMIN }

    record Request(String method, String target, Caller caller, Map<String, String> headers, String body,
                   long binaryLength) {
        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        String mediaType() {
            String ct = header("Content-Type");
            return ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
        }
    }

    record Exchange(int number, String title, Request request, Response response) {
        @Override
        public String toString() {
            return "#" + number + " " + request.method() + " " + request.target() + " (" + title + ")";
        }
    }

    private Transcript() {
    }

    /** Finds the transcript walking up from the working directory ({@code <dir>/shared/glance/transcript.md}). */
    static Path locate() {
        String explicit = System.getProperty("imagesdk.transcript", System.getenv("IMAGESDK_GLANCE_TRANSCRIPT"));
        if (explicit != null && Files.isRegularFile(Path.of(explicit))) {
            return Path.of(explicit);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("glance").resolve("transcript.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    static List<Exchange> parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Exchange> out = new ArrayList<>();
        String[] sections = text.split("\n(?=### )");
        for (String section : sections) {
            if (!section.startsWith("### ")) {
                continue;
            }
            String title = section.substring(4, section.indexOf('\n')).trim();
            Matcher m = BLOCK.matcher(section);
            List<String> blocks = new ArrayList<>();
            while (m.find() && blocks.size() < 2) {
                blocks.add(m.group(1));
            }
            if (blocks.size() < 2 || !blocks.get(0).contains("# identity:")) {
                continue;
            }
            out.add(new Exchange(out.size() + 1, title, request(blocks.get(0)), response(blocks.get(1))));
        }
        return out;
    }

    private static Request request(String block) {
        String[] parts = block.split("\n\n", 2);
        String[] lines = parts[0].split("\n");
        String[] first = lines[0].trim().split(" ", 2);
        Caller caller = Caller.NONE;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("# identity:")) {
                String who = line.substring("# identity:".length()).trim();
                caller = who.startsWith("project A") ? Caller.A : who.startsWith("project B") ? Caller.B
                        : who.startsWith("admin") ? Caller.ADMIN : Caller.NONE;
            } else if (line.contains(":")) {
                int c = line.indexOf(':');
                headers.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
            }
        }
        String body = parts.length > 1 ? parts[1].replaceAll("\\n+$", "") : null;
        long binary = -1;
        if (body != null) {
            Matcher b = BINARY.matcher(body);
            if (b.find()) {
                binary = Long.parseLong(b.group(1));
                body = null;
            }
        }
        return new Request(first[0], first[1].trim(), caller, headers, body == null || body.isEmpty() ? null : body,
                binary);
    }

    private static Response response(String block) {
        String[] parts = block.split("\n\n", 2);
        String[] lines = parts[0].split("\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(lines[i].substring(0, c).trim(), lines[i].substring(c + 1).trim());
            }
        }
        return new Response(status, headers, parts.length > 1 ? parts[1].trim() : "");
    }
}
