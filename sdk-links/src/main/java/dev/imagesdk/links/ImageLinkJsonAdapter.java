package dev.imagesdk.links;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;
import dev.imagesdk.core.internal.json.Lenient;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;

import java.io.IOException;

/**
 * Reads and writes an {@link ImageLink}:
 * {@code {"linkid":"…","imid":"…","org_slug":"acme","space_slug":null,"priority":10,"space_type":null,"comment":null}}.
 * Reading is tolerant ({@link Lenient}, like images): unknown keys are skipped however deeply nested,
 * {@code linkid} may also arrive as a JSON integer (kept as its decimal text), and a wrongly typed value
 * (for example a fractional {@code priority}) or an item that is not an object becomes a problem in
 * {@link ImageLink#decodingProblems()}. {@link #readSingle} rejects an answer about one link that lacks
 * {@code linkid} or {@code imid}. Writing emits every field, {@code null}s included, so emulators serve the
 * documented shape.
 */
final class ImageLinkJsonAdapter extends JsonAdapter<ImageLink> {
    /** The shared instance (stateless, thread-safe). */
    public static final ImageLinkJsonAdapter INSTANCE = new ImageLinkJsonAdapter();

    /** The key of the link array in listings: {@code {"image_links": [...], "next": "..."}}. */
    public static final String COLLECTION_KEY = "image_links";

    private ImageLinkJsonAdapter() {
    }

    /** Reads one page of a link listing ({@code image_links} array plus optional {@code next} link). */
    public static PageReader<ImageLink> pageReader() {
        return JsonPages.reader(COLLECTION_KEY, INSTANCE);
    }

    /**
     * Reads an answer that must be one link (get, create, update): unlike a list item, one without
     * {@code linkid} or {@code imid} is unusable and raises {@code ResponseFormatException}.
     */
    static ImageLink readSingle(JsonReader reader, ApiResponse response) throws IOException {
        ImageLink link = INSTANCE.fromJson(reader);
        if (link.linkId() == null || link.imageId() == null) {
            throw response.malformed("not an image link: " + String.join("; ", link.decodingProblems()), null, null);
        }
        return link;
    }

    @Override
    public ImageLink fromJson(JsonReader reader) throws IOException {
        ImageLink.Builder b = ImageLink.builder();
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            JsonReader.Token token = reader.peek();
            JsonValues.skip(reader);
            return b.decodingProblem("expected an image link object but got " + JsonValues.describe(token)).build();
        }
        Lenient in = new Lenient(reader);
        String linkId = null;
        String imageId = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "linkid":
                    linkId = id(reader, in);
                    break;
                case "imid":
                    imageId = text(reader, in, name);
                    break;
                case "org_slug":
                    b.orgSlug(text(reader, in, name));
                    break;
                case "space_slug":
                    b.spaceSlug(text(reader, in, name));
                    break;
                case "priority":
                    b.priority(in.int32(name));
                    break;
                case "space_type":
                    b.spaceType(text(reader, in, name));
                    break;
                case "comment":
                    b.comment(text(reader, in, name));
                    break;
                default:
                    in.skip();
            }
        }
        reader.endObject();
        if (linkId == null) {
            b.decodingProblem("linkid: missing");
        }
        if (imageId == null) {
            b.decodingProblem("imid: missing");
        }
        for (String problem : in.problems()) {
            b.decodingProblem(problem);
        }
        return b.linkId(linkId).imageId(imageId).build();
    }

    /** A string or {@code null}; any other type is a problem (a number is not taken for a slug). */
    private static String text(JsonReader reader, Lenient in, String field) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.NUMBER || token == JsonReader.Token.BOOLEAN) {
            Object value = token == JsonReader.Token.NUMBER ? reader.nextString() : reader.nextBoolean();
            in.problem(field + ": expected a string but got " + JsonValues.describe(token) + " " + value);
            return null;
        }
        return in.string(field);
    }

    /** {@code linkid}: a string, or an integer kept as its decimal text. */
    private static String id(JsonReader reader, Lenient in) throws IOException {
        if (reader.peek() == JsonReader.Token.NUMBER) {
            String text = reader.nextString();
            if (!text.matches("-?\\d+")) {
                in.problem("linkid: expected an integer or string id but got " + text);
                return null;
            }
            return text;
        }
        return text(reader, in, "linkid");
    }

    @Override
    public void toJson(JsonWriter writer, ImageLink link) throws IOException {
        if (link == null) {
            writer.nullValue();
            return;
        }
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        writer.beginObject();
        writer.name("linkid").value(link.linkId());
        writer.name("imid").value(link.imageId());
        writer.name("org_slug").value(link.orgSlug());
        writer.name("space_slug").value(link.spaceSlug());
        writer.name("priority").value(link.priority());
        writer.name("space_type").value(link.spaceType());
        writer.name("comment").value(link.comment());
        writer.endObject();
        writer.setSerializeNulls(serializeNulls);
    }
}
