package dev.imagesdk.members;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.internal.json.JsonFields;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.Timestamps;
import dev.imagesdk.images.model.MemberStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes a {@link Member} in Glance's shape:
 * {@code {"member_id":"…","image_id":"…","status":"pending","created_at":"2026-11-22T12:50:43Z","updated_at":"…","schema":"/v2/schemas/member"}}.
 * Unknown keys are skipped and an unknown {@code status} is kept verbatim; a document without
 * {@code member_id} or {@code image_id}, or with a value of the wrong type, is rejected with a
 * {@link JsonDataException} (which the transport reports as a
 * {@link dev.imagesdk.core.error.ResponseFormatException}).
 */
final class MemberJsonAdapter extends JsonAdapter<Member> {
    /** The shared instance (stateless, thread-safe). */
    public static final MemberJsonAdapter INSTANCE = new MemberJsonAdapter();

    private MemberJsonAdapter() {
    }

    @Override
    public Member fromJson(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new JsonDataException("expected a member object but got " + reader.peek() + " at " + reader.getPath());
        }
        Member.Builder b = Member.builder();
        boolean hasImage = false;
        boolean hasMember = false;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "member_id":
                    b.memberId(JsonFields.string(reader));
                    hasMember = true;
                    break;
                case "image_id":
                    b.imageId(JsonFields.string(reader));
                    hasImage = true;
                    break;
                case "status":
                    b.status(MemberStatus.of(JsonFields.string(reader)));
                    break;
                case "created_at":
                    b.createdAt(JsonFields.instant(reader));
                    break;
                case "updated_at":
                    b.updatedAt(JsonFields.instant(reader));
                    break;
                case "schema":
                    b.schema(JsonFields.string(reader));
                    break;
                default:
                    reader.skipValue();
            }
        }
        reader.endObject();
        Member member = b.build();
        if (!hasMember || member.memberId() == null || !hasImage || member.imageId() == null) {
            throw new JsonDataException("member document without " + (hasMember && member.memberId() != null ? "image_id" : "member_id"));
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
     * Reads Glance's member list {@code {"members": [...], "schema": "/v2/schemas/members"}} (not paged).
     *
     * @return a body reader for {@link dev.imagesdk.core.ServiceClient#executeJson(dev.imagesdk.core.internal.http.ApiRequest, ApiResponse.JsonBodyReader)}
     */
    public static ApiResponse.JsonBodyReader<List<Member>> listReader() {
        return (reader, response) -> {
            List<Member> members = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (name.equals("members")) {
                    members = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        members.add(INSTANCE.fromJson(reader));
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (members == null) {
                throw new JsonDataException("no \"members\" array in the member list");
            }
            return List.copyOf(members);
        };
    }
}
