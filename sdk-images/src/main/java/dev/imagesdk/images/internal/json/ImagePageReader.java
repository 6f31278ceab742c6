package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonBytes;
import dev.imagesdk.core.internal.json.JsonBytes.NotRecognized;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.model.Image;
import okio.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The page reader of {@code GET /v2/images}: {@code JsonPages}' reader with {@link ImageJsonAdapter}, plus a fast
 * path that reads the buffered body byte by byte ({@link JsonBytes}) and recognises Glance's image record directly
 * (the core attributes with their usual types, custom properties whose values are strings, integers, booleans or
 * {@code null}). An item it does not fully recognise is decoded by {@link ImageJsonAdapter} from its first byte; a
 * page it does not recognise (not strict JSON, an {@code images} that is not an array, a value nested deeper than 64
 * levels ...) is read again from the start by the Moshi reader. So the result, and any error, is the one the Moshi
 * reader gives: the same images with the same decoding problems.
 */
public final class ImagePageReader implements PageReader<Image> {
    /** The shared instance (stateless, thread-safe). */
    public static final ImagePageReader INSTANCE = new ImagePageReader();

    private static final PageReader<Image> MOSHI = JsonPages.reader("images", ImageJsonAdapter.INSTANCE);
    private static final JsonBytes.Keys PAGE_KEYS = new JsonBytes.Keys("images", "next");
    private static final JsonBytes.Keys CORE_KEYS = new JsonBytes.Keys(ImageJsonAdapter.CORE_NAMES);

    private ImagePageReader() {
    }

    /** The Moshi reader (the one the fast path falls back to). */
    @Override
    public Page<Image> read(JsonReader reader, ApiResponse response) throws IOException {
        return MOSHI.read(reader, response);
    }

    @Override
    public Page<Image> readBuffered(Buffer body, ApiResponse response) throws IOException {
        try (JsonBytes in = new JsonBytes(body)) {
            return page(in, response == null ? null : response.requestId().orElse(null));
        } catch (NotRecognized e) {
            return MOSHI.read(JsonReader.of(body.peek()), response);
        }
    }

    /** The fast path only, for tests and the benchmark: the page, or {@code null} when it falls back to Moshi. */
    static Page<Image> fastOnly(Buffer body) {
        try (JsonBytes in = new JsonBytes(body)) {
            return page(in, null);
        } catch (NotRecognized e) {
            return null;
        }
    }

    private static Page<Image> page(JsonBytes in, String requestId) throws NotRecognized {
        List<Image> items = null;
        String next = null;
        in.expect('{');
        if (in.peek() != '}') {
            do {
                int key = in.key(PAGE_KEYS, false);
                int b = in.peek();
                if (key == 0 && b == '[') {
                    in.consume();
                    items = new ArrayList<>();
                    if (in.peek() != ']') {
                        do {
                            items.add(item(in));
                        } while (in.comma());
                    }
                    in.expect(']');
                } else if (key == 1 && b == '"') {
                    next = in.string();
                } else {
                    in.skipValue();
                }
            } while (in.comma());
        }
        in.expect('}');
        if (items == null) {
            throw JsonBytes.notRecognized();  // Moshi's reader reports the missing array
        }
        return new Page<>(items, next, requestId);
    }

    /** One item: recognised directly, or decoded by {@link ImageJsonAdapter} from its first byte. */
    private static Image item(JsonBytes in) throws NotRecognized {
        in.peek();
        long start = in.offset();
        try {
            return image(in);
        } catch (NotRecognized | RuntimeException e) {
            in.seek(start);
            in.skipValue();  // where the item ends (a broken item: the whole page goes to Moshi)
            long end = in.offset();
            Image image;
            try {
                image = ImageJsonAdapter.INSTANCE.fromJson(in.moshiAt(start));
            } catch (IOException | RuntimeException broken) {
                throw JsonBytes.notRecognized();
            }
            in.seek(end);
            return image;
        }
    }

    /** The item's fields, set on the builder in the order and with the values {@link ImageJsonAdapter} would. */
    private static Image image(JsonBytes in) throws NotRecognized {
        in.expect('{');
        Image.Builder b = Image.builder();
        boolean sawId = false;
        int ordinal = 0;
        if (in.peek() != '}') {
            do {
                int key = in.key(CORE_KEYS, true, ordinal++);
                switch (key) {
                    case -1:
                        b.property(in.lastKey(), in.scalar());
                        break;
                    case 0: {
                        String id = in.stringOrNull();
                        b.id(id);
                        sawId = id != null;
                        break;
                    }
                    case 1:
                        b.name(in.stringOrNull());
                        break;
                    case 2:
                        b.status(in.known(ImageJsonAdapter.STATUSES));
                        break;
                    case 3:
                        b.visibility(in.known(ImageJsonAdapter.VISIBILITIES));
                        break;
                    case 4:
                        b.isProtected(in.bool());
                        break;
                    case 5:
                        b.hidden(in.bool());
                        break;
                    case 6:
                        b.checksum(in.stringOrNull());
                        break;
                    case 7:
                        b.osHashAlgo(in.sharedStringOrNull());
                        break;
                    case 8:
                        b.osHashValue(in.stringOrNull());
                        break;
                    case 9:
                        b.size(in.longOrNull());
                        break;
                    case 10:
                        b.virtualSize(in.longOrNull());
                        break;
                    case 11:
                        b.diskFormat(in.known(ImageJsonAdapter.DISK_FORMATS));
                        break;
                    case 12:
                        b.containerFormat(in.known(ImageJsonAdapter.CONTAINER_FORMATS));
                        break;
                    case 13:
                        b.minDisk(in.intOrNull());
                        break;
                    case 14:
                        b.minRam(in.intOrNull());
                        break;
                    case 15:
                        b.owner(in.sharedStringOrNull());
                        break;
                    case 16:
                        b.tags(in.stringList());
                        break;
                    case 17:
                        b.createdAt(in.instant());
                        break;
                    case 18:
                        b.updatedAt(in.instant());
                        break;
                    case 19:
                        b.file(in.stringOrNull());
                        break;
                    case 20:
                        b.self(in.stringOrNull());
                        break;
                    case 21:
                        b.schema(in.sharedStringOrNull());
                        break;
                    case 22:
                        b.directUrl(in.stringOrNull());
                        break;
                    case 24:
                        b.stores(in.stringList());
                        break;
                    default:  // 23, locations: left to the adapter
                        throw JsonBytes.notRecognized();
                }
            } while (in.comma());
        }
        in.expect('}');
        if (!sawId) {
            b.decodingProblem("id: missing");
        }
        return b.build();
    }
}
