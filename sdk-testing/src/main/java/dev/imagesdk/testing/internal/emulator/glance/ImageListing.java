package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.QueryString;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.MemberRecord;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET /v2/images}: Glance's filters, both sort syntaxes, marker paging and its
 * {@code first}/{@code next} links, with the same 400s.
 */
public final class ImageListing {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    static final List<String> SORT_KEYS =
            List.of("name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at");
    private static final Set<String> VISIBILITIES = Set.of("public", "private", "shared", "community", "all");
    private static final Set<String> MEMBER_STATUSES = Set.of("pending", "accepted", "rejected", "all");
    private static final Set<String> NOT_PROPERTY_FILTERS = Set.of("limit", "marker", "sort", "sort_key", "sort_dir",
            "visibility", "member_status", "os_hidden", "name", "status", "owner", "tag", "size_min", "size_max",
            "checksum", "os_hash_value", "created_at", "updated_at", "id", "disk_format", "container_format",
            "protected");

    private ImageListing() {
    }

    /** Answers a listing for {@code who} over {@code images} (called with the state lock held). */
    public static Map<String, Object> list(Caller who, QueryString q, EmulatorState state) {
        Map<String, ImageRecord> images = state.images();
        List<String> sortKeys = new ArrayList<>();
        List<String> sortDirs = new ArrayList<>();
        sortParams(q, sortKeys, sortDirs);
        int limit = limit(q);
        String visibility = q.last("visibility");
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            throw GlanceError.badRequest("Invalid visibility value: " + visibility);
        }
        String memberStatus = q.has("member_status") ? q.last("member_status") : "accepted";
        if (!MEMBER_STATUSES.contains(memberStatus)) {
            throw GlanceError.badRequest("Invalid status: " + memberStatus);
        }
        Boolean hidden = bool(q, "os_hidden");
        Boolean isProtected = bool(q, "protected");
        Long sizeMin = number(q, "size_min");
        Long sizeMax = number(q, "size_max");
        TimeFilter created = TimeFilter.parse("created_at", q.last("created_at"));
        TimeFilter updated = TimeFilter.parse("updated_at", q.last("updated_at"));
        Comparator<ImageRecord> order = comparator(sortKeys, sortDirs);

        ImageRecord marker = null;
        if (q.has("marker")) {
            String markerId = q.last("marker");
            marker = images.get(markerId);
            if (marker == null || !Policy.canSee(who, marker)) {
                throw GlanceError.badRequest("No image found with ID " + markerId);
            }
        }

        List<ImageRecord> selected = new ArrayList<>();
        for (ImageRecord r : images.values()) {
            if (!visible(who, r, visibility, memberStatus)) {
                continue;
            }
            if (hidden == null ? r.osHidden : r.osHidden != hidden) {
                continue;
            }
            if (isProtected != null && r.isProtected != isProtected) {
                continue;
            }
            if (!matches(q, "name", r.name) || !matches(q, "status", r.status) || !matches(q, "id", r.id)
                    || !matches(q, "disk_format", r.diskFormat) || !matches(q, "container_format", r.containerFormat)
                    || !matches(q, "owner", r.owner) || !matches(q, "checksum", r.checksum)
                    || !matches(q, "os_hash_value", r.osHashValue)) {
                continue;
            }
            if (!r.tags.containsAll(q.all("tag"))) {
                continue;
            }
            if (sizeMin != null && (r.size == null || r.size < sizeMin)) {
                continue;
            }
            if (sizeMax != null && (r.size == null || r.size > sizeMax)) {
                continue;
            }
            if (!created.test(r.createdAt) || !updated.test(r.updatedAt)) {
                continue;
            }
            if (!propertiesMatch(q, r)) {
                continue;
            }
            if (marker != null && order.compare(r, marker) <= 0) {
                continue;
            }
            selected.add(r);
        }
        selected.sort(order);
        List<ImageRecord> page = selected.subList(0, Math.min(limit, selected.size()));

        Map<String, Object> body = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        for (ImageRecord r : page) {
            items.add(Views.image(r, state, null, who.isAdmin()));
        }
        body.put("images", items);
        String linkQuery = q.glanceLinkQuery();
        body.put("first", "/v2/images" + (linkQuery.isEmpty() ? "" : "?" + linkQuery));
        body.put("schema", "/v2/schemas/images");
        if (!page.isEmpty() && page.size() == limit) {
            body.put("next", "/v2/images?" + (linkQuery.isEmpty() ? "" : linkQuery + "&")
                    + "marker=" + page.get(page.size() - 1).id);
        }
        return body;
    }

    /** Which images a listing may include before filters, as Glance's database layer selects them. */
    static boolean visible(Caller who, ImageRecord r, String visibility, String memberStatus) {
        if (who.isAdmin()) {
            return visibility == null || visibility.equals("all") || visibility.equals(r.visibility);
        }
        boolean own = Policy.owns(who, r);
        MemberRecord m = r.members.get(who.projectId());
        boolean sharedWithMe = r.visibility.equals("shared") && m != null
                && (memberStatus.equals("all") || memberStatus.equals(m.status));
        if (visibility == null) {
            return own || r.visibility.equals("public") || sharedWithMe;
        }
        switch (visibility) {
            case "public":
                return r.visibility.equals("public");
            case "community":
                return r.visibility.equals("community");
            case "private":
                return own && r.visibility.equals("private");
            case "shared":
                return r.visibility.equals("shared") && (own || sharedWithMe);
            default: // all
                return own || r.visibility.equals("public") || r.visibility.equals("community") || sharedWithMe;
        }
    }

    private static void sortParams(QueryString q, List<String> keys, List<String> dirs) {
        if (q.has("sort")) {
            if (q.has("sort_key") || q.has("sort_dir")) {
                throw GlanceError.badRequest("Old and new sorting syntax cannot be combined");
            }
            for (String part : q.last("sort").strip().split(",")) {
                int colon = part.indexOf(':');
                String key = (colon < 0 ? part : part.substring(0, colon)).strip();
                String dir = colon < 0 ? "desc" : part.substring(colon + 1).strip();
                keys.add(sortKey(key));
                dirs.add(sortDir(dir));
            }
        } else {
            for (String k : q.all("sort_key")) {
                keys.add(sortKey(k.strip()));
            }
            for (String d : q.all("sort_dir")) {
                dirs.add(sortDir(d.strip()));
            }
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw GlanceError.badRequest("Number of sort dirs does not match the number of sort keys");
            }
            if (keys.isEmpty()) {
                keys.add("created_at");
            }
        }
        String defaultDir = "desc";
        if (dirs.isEmpty()) {
            while (dirs.size() < keys.size()) {
                dirs.add(defaultDir);
            }
        } else if (dirs.size() == 1) {
            defaultDir = dirs.get(0);
            while (dirs.size() < keys.size()) {
                dirs.add(defaultDir);
            }
        }
        for (String tieBreaker : List.of("created_at", "id")) {
            if (!keys.contains(tieBreaker)) {
                keys.add(tieBreaker);
                dirs.add(defaultDir);
            }
        }
    }

    private static String sortKey(String key) {
        if (!SORT_KEYS.contains(key)) {
            throw GlanceError.badRequest("Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", SORT_KEYS) + ".");
        }
        return key;
    }

    private static String sortDir(String dir) {
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw GlanceError.badRequest("Invalid sort direction: " + dir);
        }
        return dir;
    }

    private static int limit(QueryString q) {
        if (!q.has("limit")) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(q.last("limit").strip());
        } catch (NumberFormatException e) {
            throw GlanceError.badRequest("limit param must be an integer");
        }
        if (limit < 0) {
            throw GlanceError.badRequest("limit param must be positive");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    private static Boolean bool(QueryString q, String name) {
        String v = q.last(name);
        if (v == null) {
            return null;
        }
        switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
            case "on":
                return true;
            case "false":
            case "0":
            case "no":
            case "off":
                return false;
            default:
                throw GlanceError.badRequest("Invalid value '" + v + "' for '" + name + "' filter. Valid values are 'true' or 'false'.");
        }
    }

    private static Long number(QueryString q, String name) {
        String v = q.last(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw GlanceError.badRequest("Unable to filter on a range with a non-numeric value.");
        }
    }

    /** Equality, or {@code in:a,"b,c"} membership, of an attribute against its query parameter. */
    private static boolean matches(QueryString q, String name, String actual) {
        if (!q.has(name)) {
            return true;
        }
        String v = q.last(name);
        if (v.startsWith("in:")) {
            return actual != null && splitIn(v.substring(3)).contains(actual);
        }
        if (v.startsWith("eq:")) {
            v = v.substring(3);
        }
        return v.equals(actual);
    }

    /** Splits an {@code in:} list: commas separate, double quotes protect commas. */
    static List<String> splitIn(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw GlanceError.badRequest("Invalid filter value " + s + ". The quote is not closed.");
        }
        out.add(cur.toString());
        return out;
    }

    private static boolean propertiesMatch(QueryString q, ImageRecord r) {
        for (String name : q.names()) {
            if (NOT_PROPERTY_FILTERS.contains(name)) {
                continue;
            }
            if (!q.last(name).equals(r.properties.get(name))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<ImageRecord> comparator(List<String> keys, List<String> dirs) {
        Comparator<ImageRecord> c = null;
        for (int i = 0; i < keys.size(); i++) {
            Comparator<ImageRecord> one = Comparator.comparing(extractor(keys.get(i)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            if (dirs.get(i).equals("desc")) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<ImageRecord, Comparable> extractor(String key) {
        switch (key) {
            case "name": return r -> r.name;
            case "status": return r -> r.status;
            case "container_format": return r -> r.containerFormat;
            case "disk_format": return r -> r.diskFormat;
            case "size": return r -> r.size;
            case "id": return r -> r.id;
            case "created_at": return r -> r.createdAt;
            default: return r -> r.updatedAt;
        }
    }

    /** A {@code created_at}/{@code updated_at} filter: {@code op:timestamp}, ops gt gte lt lte eq neq. */
    record TimeFilter(String op, Instant value) {
        static TimeFilter parse(String attribute, String v) {
            if (v == null) {
                return new TimeFilter(null, null);
            }
            String op = "eq";
            String time = v;
            int colon = v.indexOf(':');
            if (colon > 0 && v.substring(0, colon).chars().allMatch(Character::isLetter)) {
                op = v.substring(0, colon);
                time = v.substring(colon + 1);
                if (!Set.of("gt", "gte", "lt", "lte", "eq", "neq").contains(op)) {
                    throw GlanceError.badRequest("Unable to filter on a unknown operator.");
                }
            }
            Instant at = parseTime(time);
            if (at == null) {
                throw GlanceError.badRequest("Bad \"" + attribute + "\" query filter format. Use ISO 8601 DateTime notation.");
            }
            return new TimeFilter(op, at);
        }

        /** An ISO 8601 date-time (zone optional, UTC if absent) or date, or {@code null}. */
        private static Instant parseTime(String s) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    try {
                        return java.time.LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException e3) {
                        return null;
                    }
                }
            }
        }

        boolean test(Instant actual) {
            if (op == null) {
                return true;
            }
            int c = actual.compareTo(value);
            switch (op) {
                case "gt": return c > 0;
                case "gte": return c >= 0;
                case "lt": return c < 0;
                case "lte": return c <= 0;
                case "neq": return c != 0;
                default: return c == 0;
            }
        }
    }
}
