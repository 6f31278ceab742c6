package dev.imagesdk.members;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;
import dev.imagesdk.core.internal.json.Lenient;
import dev.imagesdk.core.internal.json.Timestamps;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;
import dev.imagesdk.images.model.MemberStatus;

import java.io.IOException;

/**
 * Reads and writes a {@link Member} in Glance's shape:
 * {@code {"member_id":"…","image_id":"…","status":"pending","created_at":"2026-11-22T12:50:43Z","updated_at":"…","schema":"/v2/schemas/member"}}.
 * Reading is tolerant ({@link Lenient}, like images): unknown keys are skipped however deeply nested, an
 * unknown {@code status} is kept verbatim, a wrong-typed value or a value that is not an object at all
 * becomes a problem in {@link Member#decodingProblems()}. {@link #readSingle} rejects an answer about
 * one membership that lacks {@code member_id} or {@code image_id}.
 */
final class MemberJsonAdapter extends JsonAdapter<Member> {
    /** The shared instance (stateless, thread-safe). */
    public static final MemberJsonAdapter INSTANCE = new MemberJsonAdapter();

    private MemberJsonAdapter() {
    }

    @Override
    public Member fromJson(JsonReader reader) throws IOException {
        Member.Builder b = Member.builder();
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            JsonReader.Token token = reader.peek();
            JsonValues.skip(reader);
            return b.decodingProblem("expected a member object but got " + JsonValues.describe(token)).build();
        }
        Lenient in = new Lenient(reader);
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "member_id":
                    b.memberId(in.string(name));
                    break;
                case "image_id":
                    b.imageId(in.string(name));
                    break;
                case "status": {
                    String status = in.string(name);
                    b.status(status == null ? null : MemberStatus.of(status));
                    break;
                }
                case "created_at":
                    b.createdAt(in.instant(name));
                    break;
                case "updated_at":
                    b.updatedAt(in.instant(name));
                    break;
                case "schema":
                    b.schema(in.string(name));
                    break;
                default:
                    in.skip();
            }
        }
        reader.endObject();
        Member partial = b.build();
        if (partial.memberId() == null) {
            b.decodingProblem("member_id: missing");
        }
        if (partial.imageId() == null) {
            b.decodingProblem("image_id: missing");
        }
        for (String problem : in.problems()) {
            b.decodingProblem(problem);
        }
        return b.build();
    }

    /**
     * Reads an answer that must be one membership (get, add, update): unlike a list item, one without
     * {@code member_id} or {@code image_id} is unusable and raises {@code ResponseFormatException}.
     */
    static Member readSingle(JsonReader reader, ApiResponse response) throws IOException {
        Member member = INSTANCE.fromJson(reader);
        if (member.memberId() == null || member.imageId() == null) {
            throw response.malformed("not a membership: " + String.join("; ", member.decodingProblems()), null, null);
        }
        return member;
    }

    @Override
    public void toJson(JsonWriter writer, Member member) throws IOException {
        if (member == null) {
            writer.nullValue();
            return;
        }
        writer.beginObject();
        writer.name("member_id").value(member.memberId());
        writer.name("image_id").value(member.imageId());
        writer.name("status").value(member.status() == null ? null : member.status().value());
        writer.name("created_at").value(member.createdAt() == null ? null : Timestamps.format(member.createdAt()));
        writer.name("updated_at").value(member.updatedAt() == null ? null : Timestamps.format(member.updatedAt()));
        if (member.schema() != null) {
            writer.name("schema").value(member.schema());
        }
        writer.endObject();
    }

    /**
     * Reads Glance's member list {@code {"members": [...], "schema": "/v2/schemas/members"}} (not paged)
     * with the listings' page reader: a malformed member is flagged, the others are read.
     */
    static PageReader<Member> listReader() {
        return JsonPages.reader("members", INSTANCE);
    }
}
