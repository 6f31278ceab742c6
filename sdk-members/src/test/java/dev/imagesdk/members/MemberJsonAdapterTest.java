package dev.imagesdk.members;

import dev.imagesdk.images.model.MemberStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MemberJsonAdapterTest {
    @Test
    void writesGlancesShapeAndReadsItBack() throws IOException {
        Member m = Member.builder().imageId("img").memberId("proj").status(MemberStatus.REJECTED)
                .createdAt(Instant.parse("2026-11-22T12:50:43Z")).updatedAt(Instant.parse("2026-11-22T12:50:44Z"))
                .schema("/v2/schemas/member").build();

        String json = MemberJsonAdapter.INSTANCE.toJson(m);

        assertThat(json).isEqualTo("{\"member_id\":\"proj\",\"image_id\":\"img\",\"status\":\"rejected\","
                + "\"created_at\":\"2026-11-22T12:50:43Z\",\"updated_at\":\"2026-11-22T12:50:44Z\",\"schema\":\"/v2/schemas/member\"}");
        assertThat(MemberJsonAdapter.INSTANCE.fromJson(json)).isEqualTo(m);
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
    }

    @Test
    void readsMicrosecondTimestampsWithoutZoneAsUtc() throws IOException {
        Member m = MemberJsonAdapter.INSTANCE.fromJson("{\"member_id\":\"p\",\"image_id\":\"i\",\"status\":null,"
                + "\"created_at\":\"2026-11-24T12:50:39.882172\"}");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-24T12:50:39.882172Z"));
        assertThat(m.status()).isNull();
    }

    @Test
    void toStringNamesTheMembershipOnly() {
        Member m = Member.builder().imageId("img").memberId("proj").status(MemberStatus.PENDING).build();
        assertThat(m.toString()).contains("img", "proj", "pending");
    }
}
