package dev.imagesdk.core.internal.json;

import com.squareup.moshi.JsonReader;
import okio.Buffer;
import okio.BufferedSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte-level reader of a JSON document that already sits in an okio {@link Buffer} (a response body read by
 * {@code ApiResponse}): it walks the buffer's segments in place, without a {@link JsonReader} and without copying
 * the body. It is the generic half of a fast path: a model-specific reader recognises the shape it expects with
 * these methods and, on anything else, catches {@link NotRecognized} and hands the value (or the whole document)
 * to the tolerant Moshi adapter, which then decides exactly as it always did.
 *
 * <p>It recognises strict JSON only, and of the values only the plain ones: strings (escapes, {@code \}{@code uXXXX},
 * surrogate pairs and well-formed UTF-8 included; raw control characters and malformed UTF-8 not), integers of up to
 * 18 digits without fraction or exponent, {@code true}, {@code false}, {@code null}. Every method either consumes
 * exactly a value it recognised or throws {@link NotRecognized}; the position is then unspecified and the caller
 * {@link #seek(long)}s back. Not thread-safe; one per document.
 */
public final class JsonBytes implements AutoCloseable {
    /** The bytes are not in the shape asked for; thrown without a stack trace (it is control flow, not an error). */
    public static final class NotRecognized extends Exception {
        private static final long serialVersionUID = 1L;

        private NotRecognized() {
            super("not recognised by the byte-level reader", null, false, false);
        }
    }

    private static final NotRecognized NOT_RECOGNIZED = new NotRecognized();
    /** The exception to throw for a shape a caller does not recognise (shared, without stack trace). */
    public static NotRecognized notRecognized() {
        return NOT_RECOGNIZED;
    }

    /** Deepest nesting {@link #skipValue()} follows; deeper values are left to Moshi. */
    private static final int MAX_SKIP_DEPTH = 64;

    private final Buffer buffer;
    private final Buffer.UnsafeCursor cursor;
    /** The current segment: {@code data[pos..end)} are the unread bytes; {@code data == null} at the end. */
    private byte[] data;
    private int pos;
    private int end;
    /** Absolute offset of {@code data[0]} (may be negative: only differences matter). */
    private long base;
    private char[] chars = new char[64];
    /** The text of the last key {@link #key(Keys, boolean)} did not find. */
    private String lastKey;

    /** A reader at the start of {@code buffer}, which it only reads (the buffer keeps its bytes). */
    public JsonBytes(Buffer buffer) {
        this.buffer = buffer;
        this.cursor = buffer.readUnsafe();
        seek(0);
    }

    /** The absolute offset of the next unread byte. */
    public long offset() {
        return data == null ? buffer.size() : base + pos;
    }

    /** Moves to an absolute offset (one {@link #offset()} returned). */
    public void seek(long offset) {
        if (offset >= buffer.size()) {
            cursor.seek(buffer.size());
            data = null;
            pos = end = 0;
            return;
        }
        cursor.seek(offset);
        load();
    }

    private void load() {
        data = cursor.data;
        pos = cursor.start;
        end = cursor.end;
        base = cursor.offset - cursor.start;
    }

    private boolean advance() {
        if (data == null) {
            return false;
        }
        if (cursor.next() < 0) {
            data = null;
            pos = end = 0;
            return false;
        }
        load();
        return true;
    }

    /** The next raw byte (0-255) without consuming it, or -1 at the end. */
    private int peekRaw() {
        while (pos == end) {
            if (!advance()) {
                return -1;
            }
        }
        return data[pos] & 0xff;
    }

    private int nextRaw() throws NotRecognized {
        int b = peekRaw();
        if (b < 0) {
            throw NOT_RECOGNIZED;
        }
        pos++;
        return b;
    }

    /** The next byte after JSON whitespace, not consumed; -1 at the end. */
    public int peek() {
        while (true) {
            while (pos < end) {
                byte b = data[pos];
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    pos++;
                } else {
                    return b & 0xff;
                }
            }
            if (!advance()) {
                return -1;
            }
        }
    }

    /** Consumes the byte {@link #peek()} just returned. */
    public void consume() {
        pos++;
    }

    /** Consumes {@code c} (after whitespace), or throws. */
    public void expect(char c) throws NotRecognized {
        if (peek() != c) {
            throw NOT_RECOGNIZED;
        }
        pos++;
    }

    /** After a member or element: consumes a comma and returns {@code true}, or returns {@code false}. */
    public boolean comma() {
        if (peek() == ',') {
            pos++;
            return true;
        }
        return false;
    }

    /** A string value (the next token must be a string). */
    public String string() throws NotRecognized {
        if (peek() != '"') {
            throw NOT_RECOGNIZED;
        }
        int start = pos + 1;
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == '"') {
                pos = i + 1;
                return new String(data, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {  // negative: not ASCII
                break;
            }
        }
        pos++;
        return slowString(null);
    }

    /** A string or {@code null}. */
    public String stringOrNull() throws NotRecognized {
        return peek() == 'n' ? nullValue() : string();
    }

    /**
     * {@link #stringOrNull()} for values that tend to repeat from item to item of a page (an owner, a custom
     * property's value): a short plain string equal to one read before by this reader is that same
     * {@code String} instance. Only for values whose identity nobody relies on.
     */
    public String sharedStringOrNull() throws NotRecognized {
        int b = peek();
        if (b == 'n') {
            return nullValue();
        }
        if (b != '"') {
            throw NOT_RECOGNIZED;
        }
        int start = pos + 1;
        int limit = Math.min(end, start + SHARED_MAX_BYTES + 1);
        for (int i = start; i < limit; i++) {
            byte c = data[i];
            if (c == '"') {
                pos = i + 1;
                return shared(start, i - start);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
        }
        return string();
    }

    /** Longest string {@link #shared(int, int)} keeps. */
    private static final int SHARED_MAX_BYTES = 32;
    private final String[] sharedStrings = new String[128];

    /** The ASCII text {@code data[from..from+length)}: an earlier equal one when it is still in the small table. */
    private String shared(int from, int length) {
        if (length > SHARED_MAX_BYTES) {
            return new String(data, from, length, StandardCharsets.ISO_8859_1);
        }
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + data[i];
        }
        int slot = (h ^ (h >>> 7)) & (sharedStrings.length - 1);
        String known = sharedStrings[slot];
        if (known != null && sameText(known, data, from, length)) {
            return known;
        }
        String text = new String(data, from, length, StandardCharsets.ISO_8859_1);
        sharedStrings[slot] = text;
        return text;
    }

    private static boolean sameText(String known, byte[] data, int from, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != data[from + i]) {  // both ASCII
                return false;
            }
        }
        return true;
    }

    private static boolean sameBytes(byte[] known, byte[] data, int from) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] != data[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the rest of a string whose opening quote is consumed, across segments, with escapes and UTF-8.
     *
     * @param sawEscape when not {@code null}, element 0 is set if the string had an escape
     */
    private String slowString(boolean[] sawEscape) throws NotRecognized {
        int n = 0;
        while (true) {
            int b = nextRaw();
            int c;
            if (b == '"') {
                return new String(chars, 0, n);
            } else if (b == '\\') {
                if (sawEscape != null) {
                    sawEscape[0] = true;
                }
                c = escape();
            } else if (b < 0x20) {
                throw NOT_RECOGNIZED;
            } else if (b < 0x80) {
                c = b;
            } else if (b >= 0xC2 && b <= 0xDF) {
                c = ((b & 0x1f) << 6) | continuation();
            } else if (b >= 0xE0 && b <= 0xEF) {
                int c1 = continuation();
                if ((b == 0xE0 && c1 < 0x20) || (b == 0xED && c1 >= 0x20)) {
                    throw NOT_RECOGNIZED;  // overlong, or a surrogate encoded in UTF-8
                }
                c = ((b & 0x0f) << 12) | (c1 << 6) | continuation();
            } else if (b >= 0xF0 && b <= 0xF4) {
                int c1 = continuation();
                if ((b == 0xF0 && c1 < 0x10) || (b == 0xF4 && c1 >= 0x10)) {
                    throw NOT_RECOGNIZED;  // overlong, or beyond U+10FFFF
                }
                int cp = ((b & 0x07) << 18) | (c1 << 12) | (continuation() << 6) | continuation();
                n = put(n, Character.highSurrogate(cp));
                c = Character.lowSurrogate(cp);
            } else {
                throw NOT_RECOGNIZED;
            }
            n = put(n, (char) c);
        }
    }

    private int put(int n, char c) {
        if (n == chars.length) {
            chars = java.util.Arrays.copyOf(chars, n * 2);
        }
        chars[n] = c;
        return n + 1;
    }

    private int continuation() throws NotRecognized {
        int b = nextRaw();
        if ((b & 0xC0) != 0x80) {
            throw NOT_RECOGNIZED;
        }
        return b & 0x3f;
    }

    private int escape() throws NotRecognized {
        int e = nextRaw();
        switch (e) {
            case '"':
            case '\\':
            case '/':
                return e;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u': {
                int c = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(nextRaw(), 16);
                    if (h < 0) {
                        throw NOT_RECOGNIZED;
                    }
                    c = (c << 4) | h;
                }
                return c;
            }
            default:
                throw NOT_RECOGNIZED;
        }
    }

    /** {@code null} (the next token must be {@code null}). */
    public <T> T nullValue() throws NotRecognized {
        literal("null");
        return null;
    }

    private void literal(String word) throws NotRecognized {
        peek();
        for (int i = 0; i < word.length(); i++) {
            if (nextRaw() != word.charAt(i)) {
                throw NOT_RECOGNIZED;
            }
        }
        terminated();
    }

    /** A number or literal must be followed by whitespace or punctuation (else Moshi reads an unquoted word). */
    private void terminated() throws NotRecognized {
        int b = peekRaw();
        if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
            throw NOT_RECOGNIZED;
        }
    }

    /** {@code true}, {@code false} or {@code null}. */
    public Boolean bool() throws NotRecognized {
        switch (peek()) {
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                return nullValue();
            default:
                throw NOT_RECOGNIZED;
        }
    }

    /** An integer literal of at most 18 digits (no fraction, exponent, leading zero or {@code -0}). */
    public long longValue() throws NotRecognized {
        int b = peek();
        boolean negative = b == '-';
        if (negative) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (true) {
            b = peekRaw();
            if (b < '0' || b > '9') {
                break;
            }
            if (digits == 1 && value == 0) {
                throw NOT_RECOGNIZED;  // a leading zero
            }
            value = value * 10 + (b - '0');
            pos++;
            if (++digits > 18) {
                throw NOT_RECOGNIZED;
            }
        }
        if (digits == 0 || (negative && value == 0)) {
            throw NOT_RECOGNIZED;
        }
        terminated();
        return negative ? -value : value;
    }

    /** Skips a number literal of any size, fraction and exponent (strict JSON grammar). */
    private void skipNumber() throws NotRecognized {
        if (peekRaw() == '-') {
            pos++;
        }
        int first = peekRaw();
        if (first == '0') {
            pos++;
        } else if (digits() == 0) {
            throw NOT_RECOGNIZED;
        }
        if (peekRaw() == '.') {
            pos++;
            if (digits() == 0) {
                throw NOT_RECOGNIZED;
            }
        }
        int e = peekRaw();
        if (e == 'e' || e == 'E') {
            pos++;
            int sign = peekRaw();
            if (sign == '+' || sign == '-') {
                pos++;
            }
            if (digits() == 0) {
                throw NOT_RECOGNIZED;
            }
        }
        terminated();
    }

    private int digits() {
        int n = 0;
        for (int b = peekRaw(); b >= '0' && b <= '9'; b = peekRaw()) {
            pos++;
            n++;
        }
        return n;
    }

    /** An integer or {@code null}. */
    public Long longOrNull() throws NotRecognized {
        return peek() == 'n' ? nullValue() : Long.valueOf(longValue());
    }

    /** An integer in the range of {@code int}, or {@code null}. */
    public Integer intOrNull() throws NotRecognized {
        if (peek() == 'n') {
            return nullValue();
        }
        long v = longValue();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw NOT_RECOGNIZED;
        }
        return (int) v;
    }

    /** A string, integer, boolean or {@code null}, typed as {@link JsonValues#read(JsonReader)} types them. */
    public Object scalar() throws NotRecognized {
        int b = peek();
        if (b == '"') {
            return sharedStringOrNull();
        } else if (b == '-' || (b >= '0' && b <= '9')) {
            return longValue();
        }
        return bool();
    }

    /**
     * A timestamp as {@link Lenient#instant(String)} reads it: a string in one of {@link Timestamps}' shapes,
     * {@code null}, or a blank string (also {@code null}); an unparseable one is not recognised.
     */
    public Instant instant() throws NotRecognized {
        int b = peek();
        if (b == 'n') {
            return nullValue();
        }
        if (b != '"') {
            throw NOT_RECOGNIZED;
        }
        int start = pos + 1;
        for (int i = start; i < end && i - start < 40; i++) {
            byte c = data[i];
            if (c == '"') {
                Instant fixed = Timestamps.parseFixed(data, start, i - start);
                if (fixed != null) {
                    pos = i + 1;
                    return fixed;
                }
                break;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
        }
        String s = string();
        if (s.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(s);
        } catch (DateTimeParseException e) {
            throw NOT_RECOGNIZED;
        }
    }

    /** A value of an open enumeration as {@link Lenient#known(String, KnownValues)} reads it (a string or {@code null}). */
    public <T> T known(KnownValues<T> values) throws NotRecognized {
        int b = peek();
        if (b == 'n') {
            nullValue();
            return values.of(null);
        }
        if (b != '"') {
            throw NOT_RECOGNIZED;
        }
        int start = pos + 1;
        for (int i = start; i < end; i++) {
            byte c = data[i];
            if (c == '"') {
                T constant = values.select(data, start, i - start);
                if (constant != null) {
                    pos = i + 1;
                    return constant;
                }
                break;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
        }
        return values.of(string());
    }

    /**
     * A list of strings as {@link Lenient#stringList(String)} reads it: {@code null}, an array of strings, or a
     * string taken as a comma-separated list.
     */
    public List<String> stringList() throws NotRecognized {
        int b = peek();
        if (b == 'n') {
            return nullValue();
        }
        if (b == '"') {
            return Lenient.splitCommas(string());
        }
        if (b != '[') {
            throw NOT_RECOGNIZED;
        }
        pos++;
        if (peek() == ']') {
            pos++;
            return List.of();
        }
        String first = sharedStringOrNull();
        if (first == null) {
            throw NOT_RECOGNIZED;
        }
        if (!comma()) {
            expect(']');
            return List.of(first);
        }
        String second = sharedStringOrNull();
        if (second == null) {
            throw NOT_RECOGNIZED;
        }
        if (!comma()) {
            expect(']');
            return List.of(first, second);
        }
        List<String> more = new ArrayList<>();
        more.add(first);
        more.add(second);
        do {
            more.add(string());
        } while (comma());
        expect(']');
        return List.copyOf(more);
    }

    /**
     * Reads an object key and the colon after it: the index of the key in {@code keys}, or -1 with the key's
     * text in {@link #lastKey()}.
     *
     * <p>A key that is not one of {@code keys} is shared like {@link #sharedStringOrNull()}: Glance repeats the same
     * custom property names on every image.
     *
     * @param literal match the key's bytes only as written: a key spelled with an escape is not recognised
     *        (Moshi's {@code selectName} compares the encoded bytes too)
     */
    public int key(Keys keys, boolean literal) throws NotRecognized {
        return key(keys, literal, -1);
    }

    /**
     * {@link #key(Keys, boolean)} for the member at {@code ordinal} (0, 1, ...) of an object whose members tend to
     * come in the same order from item to item (Glance writes every image's keys in one order): the key the member
     * at that position had last time is tried first, by its bytes. {@code ordinal} -1: no such guess.
     */
    public int key(Keys keys, boolean literal, int ordinal) throws NotRecognized {
        if (peek() != '"') {
            throw NOT_RECOGNIZED;
        }
        int start = pos + 1;
        int index = -2;
        boolean guess = ordinal >= 0 && ordinal < MEMO && memoKeys == keys;
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == '"') {
                pos = i + 1;
                int length = i - start;
                if (guess) {
                    int m = memoIndex[ordinal];
                    if (m > 0) {
                        byte[] k = keys.bytes[m - 1];
                        if (k.length == length && sameBytes(k, data, start)) {
                            index = m - 1;
                            break;
                        }
                    } else if (m < 0 && sameText(memoText[ordinal], data, start, length)) {
                        index = -1;
                        lastKey = memoText[ordinal];
                        break;
                    }
                }
                index = keys.find(data, start, length);
                if (index < 0) {
                    lastKey = shared(start, length);
                }
                if (ordinal >= 0 && ordinal < MEMO) {
                    if (memoKeys != keys) {
                        memoKeys = keys;
                        java.util.Arrays.fill(memoIndex, 0);
                    }
                    memoIndex[ordinal] = index < 0 ? -1 : index + 1;
                    memoText[ordinal] = index < 0 ? lastKey : null;
                }
                break;
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
        }
        if (index == -2) {
            pos++;
            boolean[] escaped = new boolean[1];
            String text = slowString(escaped);
            if (literal && escaped[0]) {
                throw NOT_RECOGNIZED;
            }
            index = keys.find(text);
            lastKey = index < 0 ? text : null;
        }
        expect(':');
        return index;
    }

    /** How many member positions {@link #key(Keys, boolean, int)} remembers. */
    private static final int MEMO = 64;
    private Keys memoKeys;
    /** Per member position: the key's index + 1, -1 for the unknown key in {@link #memoText}, 0 for none. */
    private final int[] memoIndex = new int[MEMO];
    private final String[] memoText = new String[MEMO];

    /** The text of the last key that was not one of the {@link Keys}. */
    public String lastKey() {
        return lastKey;
    }

    /**
     * Skips the next value, checking that it is strict JSON (strings as above, numbers of any size) nested at most
     * 64 levels; anything else is not recognised.
     */
    public void skipValue() throws NotRecognized {
        long arrays = 0;  // bit d set: level d is an array
        int depth = 0;
        while (true) {
            int b = peek();
            if (b == '{' || b == '[') {
                pos++;
                if (depth == MAX_SKIP_DEPTH) {
                    throw NOT_RECOGNIZED;
                }
                boolean array = b == '[';
                arrays = array ? arrays | (1L << depth) : arrays & ~(1L << depth);
                depth++;
                int close = peek();
                if (close == (array ? ']' : '}')) {
                    pos++;
                    depth--;
                } else {
                    if (!array) {
                        string();
                        expect(':');
                    }
                    continue;
                }
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                skipNumber();
            } else {
                scalar();
            }
            // after a value: a comma (and, in an object, the next key) or the end of containers
            while (depth > 0) {
                boolean array = (arrays & (1L << (depth - 1))) != 0;
                if (comma()) {
                    if (!array) {
                        string();
                        expect(':');
                    }
                    break;
                }
                expect(array ? ']' : '}');
                depth--;
            }
            if (depth == 0) {
                return;
            }
        }
    }

    /** A Moshi reader of the document from {@code offset} on (over the same buffer, not a copy of it). */
    public JsonReader moshiAt(long offset) {
        BufferedSource source = buffer.peek();
        try {
            source.skip(offset);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);  // a peek of an in-memory buffer cannot fail
        }
        return JsonReader.of(source);
    }

    @Override
    public void close() {
        cursor.close();
    }

    /**
     * A fixed set of object keys, found by their bytes without making a {@code String} of them.
     */
    public static final class Keys {
        private final String[] names;
        private final byte[][] bytes;
        /** Open addressing: slot to index + 1, 0 = empty. */
        private final int[] table;

        /** The keys; {@link JsonBytes#key(Keys, boolean)} returns their index in this order. */
        public Keys(String... names) {
            this.names = names.clone();
            this.bytes = new byte[names.length][];
            this.table = new int[Integer.highestOneBit(Math.max(names.length, 1) * 4) * 2];
            for (int i = 0; i < names.length; i++) {
                bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
                int slot = hash(bytes[i], 0, bytes[i].length) & (table.length - 1);
                while (table[slot] != 0) {
                    slot = (slot + 1) & (table.length - 1);
                }
                table[slot] = i + 1;
            }
        }

        private static int hash(byte[] b, int from, int length) {
            if (length == 0) {
                return 0;
            }
            return (length * 31 + b[from]) * 31 + b[from + length - 1] * 7 + b[from + length / 2];
        }

        int find(byte[] b, int from, int length) {
            int slot = hash(b, from, length) & (table.length - 1);
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    return -1;
                }
                byte[] k = bytes[entry - 1];
                if (k.length == length && sameBytes(k, b, from)) {
                    return entry - 1;
                }
                slot = (slot + 1) & (table.length - 1);
            }
        }

        int find(String text) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
