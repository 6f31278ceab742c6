package dev.imagesdk.links;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.internal.json.JsonFields;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;

import java.io.IOException;

/**
 * Reads and writes an {@link ImageLink}:
 * {@code {"linkid":"…","imid":"…","org_slug":"acme","space_slug":null,"priority":10,"space_type":null,"comment":null}}.
 * Unknown keys are skipped; {@code linkid} may also arrive as a JSON number (kept as its decimal text).
 * A document without {@code linkid} or {@code imid}, or with a wrongly typed value (for example a
 * fractional {@code priority}), is rejected with a {@link JsonDataException}, which the transport
 * reports as a {@link dev.imagesdk.core.error.ResponseFormatException}. Writing emits every field,
 * {@code null}s included, so emulators serve the documented shape.
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

    @Override
    public ImageLink fromJson(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new JsonDataException("expected an image link object but got " + reader.peek() + " at " + reader.getPath());
        }
        ImageLink.Builder b = ImageLink.builder();
        String linkId = null;
        String imageId = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "linkid":
                    linkId = id(reader);
                    break;
                case "imid":
                    imageId = JsonFields.string(reader);
                    break;
                case "org_slug":
                    b.orgSlug(JsonFields.string(reader));
                    break;
                case "space_slug":
                    b.spaceSlug(JsonFields.string(reader));
                    break;
                case "priority":
                    b.priority(JsonFields.integer(reader));
                    break;
                case "space_type":
                    b.spaceType(JsonFields.string(reader));
                    break;
                case "comment":
                    b.comment(JsonFields.string(reader));
                    break;
                default:
                    reader.skipValue();
            }
        }
        reader.endObject();
        if (linkId == null) {
            throw new JsonDataException("image link without linkid");
        }
        if (imageId == null) {
            throw new JsonDataException("image link " + linkId + " without imid");
        }
        return b.linkId(linkId).imageId(imageId).build();
    }

    private static String id(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NUMBER) {
            String path = reader.getPath();
            String text = reader.nextString();
            if (!text.matches("-?\\d+")) {
                throw new JsonDataException("expected an integer or string id but got " + text + " at " + path);
            }
            return text;
        }
        return JsonFields.string(reader);
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
