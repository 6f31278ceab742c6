package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Glance 25's location operations of the JSON patch while it shows locations
 * ({@code show_multiple_locations = true}): {@code add} at {@code /locations/N} or {@code /locations/-},
 * {@code remove} of {@code /locations/N}, {@code replace} of {@code /locations}, checked in Glance's order
 * and answered with its statuses and words. One instance per request, working on a copy of the image's
 * locations and data attributes; {@link #commit()} stores the result (in location-id order, as Glance's
 * database returns them), {@link #view()} is the order the request left them in, as the PATCH answer
 * shows them. The urls' sizes were read beforehand ({@link UrlProbe}), outside the lock.
 */
final class LocationPatch {
    // jsonschema's text for a location item that lacks a required key (Glance 25.1 and 30.0 print the same)
    private static final String ITEM_SCHEMA_FAILURE = """
            Failed validating 'required' in schema['properties']['locations']['items']:
                {'properties': {'metadata': {'type': 'object'},
                                'url': {'maxLength': 255, 'type': 'string'},
                                'validation_data': {'additionalProperties': False,
                                                    'description': 'Values to be used '
                                                                   'to populate the '
                                                                   'corresponding '
                                                                   'image properties. '
                                                                   'If the image '
                                                                   'status is not '
                                                                   "'queued', values "
                                                                   'must exactly match '
                                                                   'those already '
                                                                   'contained in the '
                                                                   'image properties.',
                                                    'properties': {'checksum': {'maxLength': 32,
                                                                                'minLength': 32,
                                                                                'type': 'string'},
                                                                   'os_hash_algo': {'maxLength': 64,
                                                                                    'type': 'string'},
                                                                   'os_hash_value': {'maxLength': 128,
                                                                                     'type': 'string'}},
                                                    'required': ['os_hash_algo',
                                                                 'os_hash_value'],
                                                    'type': 'object',
                                                    'writeOnly': True}},
                 'required': ['url', 'metadata'],
                 'type': 'object'}""";

    private final ImageRecord image;
    private final EmulatorState state;
    private final Quotas quotas;
    private final Map<String, UrlProbe> probes;
    private final List<ImageRecord.Location> work;
    private final Map<ImageRecord.Location, Object> echoed = new IdentityHashMap<>();
    private String status;
    private Long size;
    private String checksum;
    private String osHashAlgo;
    private String osHashValue;

    LocationPatch(ImageRecord image, EmulatorState state, Quotas quotas, Map<String, UrlProbe> probes) {
        this.image = image;
        this.state = state;
        this.quotas = quotas;
        this.probes = probes;
        this.work = new ArrayList<>(image.locations);
        this.status = image.status;
        this.size = image.size;
        this.checksum = image.checksum;
        this.osHashAlgo = image.osHashAlgo;
        this.osHashValue = image.osHashValue;
    }

    // ---- the request body, checked while it is read (Glance's deserializer) -------------------------------

    /**
     * Glance's schema check of a location op's value: {@code add} validates {@code [value]},
     * {@code replace} the list; a location is an object with {@code url} (string, at most 255) and
     * {@code metadata} (object), and an optional {@code validation_data} with {@code os_hash_algo} and
     * {@code os_hash_value}.
     */
    static void checkSchema(String op, Object value) {
        if (op.equals("remove")) {
            return;
        }
        List<?> items;
        if (op.equals("add")) {
            items = java.util.Collections.singletonList(value);
        } else if (value instanceof List) {
            items = (List<?>) value;
        } else {
            throw schemaError(Json.repr(value) + " is not of type 'array'", "['locations']");
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = "['locations'][" + i + "]";
            if (!(item instanceof Map)) {
                throw schemaError(Json.repr(item) + " is not of type 'object'", where);
            }
            Map<?, ?> loc = (Map<?, ?>) item;
            for (String required : List.of("url", "metadata")) {
                if (!loc.containsKey(required)) {
                    throw GlanceError.badRequest("Provided object does not match schema 'image': '" + required
                            + "' is a required property\n\n" + ITEM_SCHEMA_FAILURE + "\n\nOn instance" + where
                            + ":\n    " + pprint(loc));
                }
            }
            if (!(loc.get("url") instanceof String)) {
                throw schemaError(Json.repr(loc.get("url")) + " is not of type 'string'", where + "['url']");
            }
            if (((String) loc.get("url")).length() > 255) {
                throw schemaError(Json.repr(loc.get("url")) + " is too long", where + "['url']");
            }
            if (!(loc.get("metadata") instanceof Map)) {
                throw schemaError(Json.repr(loc.get("metadata")) + " is not of type 'object'", where + "['metadata']");
            }
            if (loc.containsKey("validation_data")) {
                checkValidationDataSchema(loc.get("validation_data"), where + "['validation_data']");
            }
        }
    }

    private static void checkValidationDataSchema(Object v, String where) {
        if (!(v instanceof Map)) {
            throw schemaError(Json.repr(v) + " is not of type 'object'", where);
        }
        Map<?, ?> data = (Map<?, ?>) v;
        for (Object key : data.keySet()) {
            if (!List.of("checksum", "os_hash_algo", "os_hash_value").contains(key)) {
                throw schemaError("Additional properties are not allowed (" + Json.repr(key) + " was unexpected)", where);
            }
        }
        for (String required : List.of("os_hash_algo", "os_hash_value")) {
            if (!data.containsKey(required)) {
                throw schemaError("'" + required + "' is a required property", where);
            }
        }
        Map<String, int[]> lengths = Map.of("checksum", new int[] {32, 32}, "os_hash_algo", new int[] {0, 64},
                "os_hash_value", new int[] {0, 128});
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String key = (String) e.getKey();
            if (!(e.getValue() instanceof String)) {
                throw schemaError(Json.repr(e.getValue()) + " is not of type 'string'", where + "['" + key + "']");
            }
            int length = ((String) e.getValue()).length();
            int[] bounds = lengths.get(key);
            if (length < bounds[0]) {
                throw schemaError(Json.repr(e.getValue()) + " is too short", where + "['" + key + "']");
            }
            if (length > bounds[1]) {
                throw schemaError(Json.repr(e.getValue()) + " is too long", where + "['" + key + "']");
            }
        }
    }

    /** A schema error in Glance's words, without jsonschema's dump of the failing schema (see the README). */
    private static GlanceError schemaError(String what, String where) {
        return GlanceError.badRequest("Provided object does not match schema 'image': " + what + "\n\nOn instance"
                + where);
    }

    /** Python's pprint of a location object as jsonschema prints the instance (keys sorted; one line when short). */
    static String pprint(Map<?, ?> loc) {
        List<String> keys = new ArrayList<>();
        loc.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(Comparator.naturalOrder());
        List<String> entries = new ArrayList<>();
        for (String k : keys) {
            entries.add(Json.repr(k) + ": " + Json.repr(loc.get(k)));
        }
        String line = "{" + String.join(", ", entries) + "}";
        if (line.length() <= 72) {
            return line;
        }
        return "{" + String.join(",\n     ", entries) + "}";
    }

    // ---- the operations ------------------------------------------------------------------------------

    /** {@code add} at {@code position} ({@code "-"} or a number; anything else is 400). */
    void add(String position, Map<?, ?> value) {
        if (!status.equals("active") && !status.equals("queued")) {
            throw GlanceError.conflict("It's not allowed to add locations if image status is " + status + ".");
        }
        Map<String, String> newData = validationData(List.of(value));
        ImageRecord.Location location = newLocation(value);
        Integer pos = position.equals("-") ? Integer.valueOf(work.size()) : digits(position);
        if (pos == null) {
            throw GlanceError.badRequest("Invalid position for adding a location.");
        }
        // Glance's quota layer first: the storage the location needs, then image_location_quota
        checkStorage(List.of(location));
        quotas.checkLocations(work.size() + 1L);
        // then its location layer: a valid external url of a known store, not already there
        checkUrl(location);
        if (duplicates(work, location) > 0) {
            throw GlanceError.badRequest("The location " + location.url + " already exists");
        }
        work.add(Math.min(pos, work.size()), location);
        echoed.put(location, value.get("validation_data"));
        takeSizeFrom(List.of(location));
        activate(newData);
    }

    /** {@code remove} of the location at {@code position} (in stored order); a store's copy of the data goes with it. */
    void remove(String position) {
        if (!status.equals("active")) {
            throw GlanceError.conflict("It's not allowed to remove locations if image status is " + status + ".");
        }
        if (work.size() == 1) {
            throw GlanceError.withDetail(403, "Access was denied to this resource.",
                    "Cannot remove last location in the image.");
        }
        Integer pos = position.equals("-") ? Integer.valueOf(work.size() - 1) : digits(position);
        if (pos == null || pos < 0 || pos >= work.size()) {
            throw GlanceError.badRequest("Invalid position for removing a location.");
        }
        work.remove((int) pos);
    }

    /**
     * {@code replace} of {@code /locations} with {@code value}: only when the image has none, or to
     * change the metadata of the same urls; an empty list is refused before anything else.
     */
    void replace(List<?> value) {
        if (value.isEmpty()) {
            throw GlanceError.withDetail(403, "Access was denied to this resource.", "Cannot set locations to empty list.");
        }
        if (!status.equals("active") && !status.equals("queued")) {
            throw GlanceError.conflict("It's not allowed to replace locations if image status is " + status + ".");
        }
        Map<String, String> newData = validationData(value);
        List<ImageRecord.Location> replacement = new ArrayList<>();
        for (Object v : value) {
            replacement.add(newLocation((Map<?, ?>) v));
        }
        quotas.checkLocations(replacement.size());
        checkStorage(replacement);
        List<String> newUrls = replacement.stream().map(l -> l.url).sorted().toList();
        List<String> oldUrls = work.stream().map(l -> l.url).sorted().toList();
        if (!work.isEmpty() && !newUrls.equals(oldUrls)) {
            throw GlanceError.badRequest("Original locations is not empty: " + pythonRepr(image.locations));
        }
        if (!newUrls.equals(oldUrls)) {
            for (ImageRecord.Location l : replacement) {
                checkUrl(l);
                if (duplicates(replacement, l) > 1) {
                    throw GlanceError.badRequest("The location " + l.url + " already exists");
                }
            }
            takeSizeFrom(replacement);
        } else {
            // the same urls with other metadata: a store's copy stays a store's copy
            for (int i = 0; i < replacement.size(); i++) {
                ImageRecord.Location l = replacement.get(i);
                boolean inStore = work.stream().anyMatch(old -> old.url.equals(l.url) && old.inStore);
                replacement.set(i, new ImageRecord.Location(l.id, l.url, l.metadata, inStore));
            }
        }
        work.clear();
        work.addAll(replacement);
        for (int i = 0; i < value.size(); i++) {
            echoed.put(replacement.get(i), ((Map<?, ?>) value.get(i)).get("validation_data"));
        }
        activate(newData);
    }

    private static Integer digits(String position) {
        if (position.isEmpty() || !position.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Integer.valueOf(position);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A new location from a request value; an http(s) url belongs to the store {@code web}, whatever was sent. */
    private ImageRecord.Location newLocation(Map<?, ?> value) {
        String url = (String) value.get("url");
        Map<String, Object> metadata = new LinkedHashMap<>();
        ((Map<?, ?>) value.get("metadata")).forEach((k, v) -> metadata.put(String.valueOf(k), v));
        if (UrlProbe.isHttp(url)) {
            metadata.put("store", StoresConfig.WEB);
        }
        return new ImageRecord.Location(state.nextLocationId(), url, metadata, false);
    }

    private UrlProbe probe(String url) {
        return probes.getOrDefault(url, new UrlProbe(UrlProbe.Kind.NOT_HTTP, 0));
    }

    /**
     * Glance's storage check for new locations: the size they need (the image's size per location, or
     * the first url that tells its size) against the owner's remaining {@code user_storage_quota}. An
     * unreachable url of an image without a size ends here, with the generic bad-store-uri words.
     */
    private void checkStorage(List<ImageRecord.Location> added) {
        Long required = null;
        if (size != null && size > 0) {
            required = size * added.size();
        } else {
            for (ImageRecord.Location l : added) {
                UrlProbe p = probe(l.url);
                if (p.kind() == UrlProbe.Kind.BAD_URI) {
                    throw GlanceError.badRequest("The Store URI was malformed.");
                }
                if (p.kind() == UrlProbe.Kind.SIZE && p.size() > 0) {
                    required = p.size() * added.size();
                    break;
                }
            }
        }
        if (quotas.userStorage() <= 0 || image.owner == null) {
            return;
        }
        long remaining = quotas.userStorage() - state.storageUsage(image.owner, null);
        if (required == null ? remaining <= 0 : required > remaining) {
            throw GlanceError.of(413, "Denying attempt to upload image because it exceeds the quota: The size of the "
                    + "data " + (required == null ? "None" : required) + " will exceed the limit. " + remaining
                    + " bytes remaining.");
        }
    }

    /** 400 "Invalid location" unless the url is an http(s) url whose size the store could read (more than 0). */
    private void checkUrl(ImageRecord.Location l) {
        UrlProbe p = probe(l.url);
        if (p.kind() != UrlProbe.Kind.SIZE || p.size() <= 0) {
            throw GlanceError.badRequest("Invalid location");
        }
    }

    private static int duplicates(List<ImageRecord.Location> in, ImageRecord.Location l) {
        int n = 0;
        for (ImageRecord.Location o : in) {
            if (o.url.equals(l.url) && o.metadata.equals(l.metadata)) {
                n++;
            }
        }
        return n;
    }

    /** An image without a size takes the size of the first new location that has one. */
    private void takeSizeFrom(List<ImageRecord.Location> added) {
        if (size != null && size > 0) {
            return;
        }
        for (ImageRecord.Location l : added) {
            UrlProbe p = probe(l.url);
            if (p.kind() == UrlProbe.Kind.SIZE && p.size() > 0) {
                size = p.size();
                return;
            }
        }
    }

    /** A queued image becomes active with the trusted {@code validation_data}; it needs its formats first. */
    private void activate(Map<String, String> newData) {
        if (!status.equals("queued")) {
            return;
        }
        if (image.diskFormat == null || image.containerFormat == null) {
            throw GlanceError.badRequest("Properties disk_format, container_format must be set prior to saving data.");
        }
        newData.forEach((k, v) -> {
            switch (k) {
                case "checksum": checksum = v; break;
                case "os_hash_algo": osHashAlgo = v; break;
                default: osHashValue = v;
            }
        });
        status = "active";
    }

    /**
     * Glance's {@code _validate_validation_data}: the values the locations bring that the image does not
     * have yet (a different value for one it has is 409), accepted only while it is queued and only when
     * well formed (hex, md5 and sha512 sizes, the configured {@code sha512}). Not compared with the data.
     */
    private Map<String, String> validationData(List<?> locations) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Object o : locations) {
            Object data = ((Map<?, ?>) o).get("validation_data");
            if (!(data instanceof Map)) {
                continue;
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) data).entrySet()) {
                String k = String.valueOf(e.getKey());
                String v = (String) e.getValue();
                if (given.containsKey(k) && !given.get(k).equals(v)) {
                    throw GlanceError.conflict("Conflicting values for " + k);
                }
                given.put(k, v);
            }
        }
        Map<String, String> fresh = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String current = current(e.getKey());
            if (Objects.equals(e.getValue(), current)) {
                continue;
            }
            if (current != null && !current.isEmpty()) {
                throw GlanceError.conflict(e.getKey() + " is already set with a different value");
            }
            fresh.put(e.getKey(), e.getValue());
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        if (!status.equals("queued")) {
            throw GlanceError.conflict("New value(s) for " + String.join(", ", fresh.keySet())
                    + " may only be provided when image status is 'queued'");
        }
        if (fresh.containsKey("checksum")) {
            byte[] md5 = hex(fresh.get("checksum"));
            if (md5 == null) {
                throw GlanceError.conflict("checksum (" + fresh.get("checksum") + ") is not a valid hexadecimal value");
            }
            if (md5.length != 16) {
                throw GlanceError.conflict("checksum (" + fresh.get("checksum")
                        + ") is not the correct size for md5 (should be 16 bytes)");
            }
        }
        String algo = fresh.get("os_hash_algo");
        if (!"sha512".equals(algo)) {
            throw GlanceError.conflict("os_hash_algo must be sha512, not " + (algo == null ? "None" : algo));
        }
        String value = fresh.get("os_hash_value");
        byte[] hash = value == null ? null : hex(value);
        if (hash == null) {
            throw GlanceError.conflict("os_hash_value (" + value + ") is not a valid hexadecimal value");
        }
        if (hash.length != 64) {
            throw GlanceError.conflict("os_hash_value (" + value + ") is not the correct size for sha512 (should be 64 bytes)");
        }
        return fresh;
    }

    private String current(String key) {
        switch (key) {
            case "checksum": return checksum;
            case "os_hash_algo": return osHashAlgo;
            default: return osHashValue;
        }
    }

    /** Python's {@code bytearray.fromhex}: pairs of hex digits, spaces allowed between them; {@code null} if not. */
    private static byte[] hex(String s) {
        String digits = s.replace(" ", "");
        if (digits.length() % 2 != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Python's repr of the stored locations, as Glance prints them in "Original locations is not empty". */
    private static String pythonRepr(List<ImageRecord.Location> locations) {
        List<String> out = new ArrayList<>();
        for (ImageRecord.Location l : locations) {
            out.add("{'id': " + l.id + ", 'url': " + Json.repr(l.url) + ", 'metadata': " + Json.repr(l.metadata)
                    + ", 'status': 'active'}");
        }
        return "[" + String.join(", ", out) + "]";
    }

    // ---- the result ----------------------------------------------------------------------------------

    /** The image's size after the operations (Glance checks it against {@code image_size_cap} when saving). */
    Long size() {
        return size;
    }

    /** Stores the result into the image: locations in id order, status, size and validation data (lock held). */
    void commit() {
        List<ImageRecord.Location> stored = new ArrayList<>(work);
        stored.sort(Comparator.comparingLong(l -> l.id));
        image.locations.clear();
        image.locations.addAll(stored);
        image.status = status;
        image.size = size;
        image.checksum = checksum;
        image.osHashAlgo = osHashAlgo;
        image.osHashValue = osHashValue;
        EmulatorState.releaseUnheldData(image);
    }

    /** The locations in the order the request left them, with the {@code validation_data} each was sent with. */
    List<Map<String, Object>> view() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImageRecord.Location l : work) {
            out.add(Views.location(l, echoed.get(l)));
        }
        return out;
    }
}
