package dev.imagesdk.images;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.DateQuery;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.SortKey;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.images.internal.json.ListOptsQuery;

import dev.imagesdk.core.error.ValidationException;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListOptsTest {
    private static final Instant T = Instant.parse("2026-11-22T12:50:30.123Z");
    private final MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    /** Sends the listing and returns the URL the server saw. */
    private HttpUrl sent(ListOpts opts) {
        glance.json(200, "{\"images\": [], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}");
        glance.images().list(opts).firstPage();
        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images");
        return r.getUrl();
    }

    @Test
    void noOptionsSendsNoQuery() {
        assertThat(sent(ListOpts.defaults()).querySize()).isZero();
    }

    @Test
    void everyScalarFilterIsEncodedUnderGlancesName() {
        HttpUrl url = sent(ListOpts.builder().limit(2).marker("m-1").name("alpha").id("id-1").owner("proj")
                .status(ImageStatus.QUEUED).visibility(Visibility.COMMUNITY).memberStatus(MemberStatus.PENDING)
                .hidden(true).isProtected(false).sizeMin(10).sizeMax(1000).containerFormat(ContainerFormat.BARE)
                .diskFormat(DiskFormat.QCOW2).checksum("1b4f").osHashValue("9f94").build());

        assertThat(url.queryParameter("limit")).isEqualTo("2");
        assertThat(url.queryParameter("marker")).isEqualTo("m-1");
        assertThat(url.queryParameter("name")).isEqualTo("alpha");
        assertThat(url.queryParameter("id")).isEqualTo("id-1");
        assertThat(url.queryParameter("owner")).isEqualTo("proj");
        assertThat(url.queryParameter("status")).isEqualTo("queued");
        assertThat(url.queryParameter("visibility")).isEqualTo("community");
        assertThat(url.queryParameter("member_status")).isEqualTo("pending");
        assertThat(url.queryParameter("os_hidden")).isEqualTo("true");
        assertThat(url.queryParameter("protected")).isEqualTo("false");
        assertThat(url.queryParameter("size_min")).isEqualTo("10");
        assertThat(url.queryParameter("size_max")).isEqualTo("1000");
        assertThat(url.queryParameter("container_format")).isEqualTo("bare");
        assertThat(url.queryParameter("disk_format")).isEqualTo("qcow2");
        assertThat(url.queryParameter("checksum")).isEqualTo("1b4f");
        assertThat(url.queryParameter("os_hash_value")).isEqualTo("9f94");
        assertThat(url.querySize()).isEqualTo(16);
    }

    @Test
    void anyVisibilityAndAnyMemberStatusSendAll() {
        HttpUrl url = sent(ListOpts.builder().anyVisibility().anyMemberStatus().build());

        assertThat(url.queryParameter("visibility")).isEqualTo("all");
        assertThat(url.queryParameter("member_status")).isEqualTo("all");
    }

    @Test
    void aValueAndAnyReplaceEachOtherAndTheEnumsHoldOnlyServerValues() {
        HttpUrl url = sent(ListOpts.builder().anyVisibility().visibility(Visibility.SHARED)
                .memberStatus(MemberStatus.PENDING).anyMemberStatus().build());

        assertThat(url.queryParameterValues("visibility")).containsExactly("shared");
        assertThat(url.queryParameterValues("member_status")).containsExactly("all");
        assertThat(Visibility.knownValues()).extracting(Visibility::value)
                .containsExactly("public", "community", "shared", "private");
        assertThat(MemberStatus.knownValues()).extracting(MemberStatus::value)
                .containsExactly("pending", "accepted", "rejected");
    }

    @Test
    void tagsRepeat() {
        HttpUrl url = sent(ListOpts.builder().tag("web").tags("ubuntu", "hello wörld").build());

        assertThat(url.queryParameterValues("tag")).containsExactly("web", "ubuntu", "hello wörld");
        assertThat(url.encodedQuery()).contains("tag=hello%20w%C3%B6rld");
    }

    @Test
    void inListsQuoteValuesContainingCommas() {
        HttpUrl url = sent(ListOpts.builder().names("a,b", "c").ids("u1", "u2").statuses(ImageStatus.SAVING, ImageStatus.QUEUED)
                .diskFormats(DiskFormat.QCOW2, DiskFormat.ISO).containerFormats(ContainerFormat.BARE, ContainerFormat.OVF).build());

        assertThat(url.queryParameter("name")).isEqualTo("in:\"a,b\",c");
        assertThat(url.queryParameter("id")).isEqualTo("in:u1,u2");
        assertThat(url.queryParameter("status")).isEqualTo("in:saving,queued");
        assertThat(url.queryParameter("disk_format")).isEqualTo("in:qcow2,iso");
        assertThat(url.queryParameter("container_format")).isEqualTo("in:bare,ovf");
        assertThat(url.encodedQuery()).contains("name=in%3A%22a%2Cb%22%2Cc");
    }

    @Test
    void inListRejectsValuesGlanceCannotExpress() {
        assertThatThrownBy(() -> ListOpts.builder().names("say \"hi\"")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot match");
        assertThatThrownBy(() -> ListOpts.builder().names()).isInstanceOf(ValidationException.class);
        assertThat(ListOpts.inList(List.of("", " padded"))).isEqualTo("in:\"\",\" padded\"");
    }

    @Test
    void aSingleNameThatLooksLikeAnOperatorIsSentAsAnInList() {
        assertThat(sent(ListOpts.builder().name("in:x").build()).queryParameter("name")).isEqualTo("in:in:x");
    }

    /** Issue 14: date filters compare whole seconds, as Glance shows timestamps (see DateQuery). */
    @Test
    void dateQueriesCompareTheShownSecond() {
        assertThat(DateQuery.after(T).toQueryValue()).isEqualTo("gte:2026-11-22T12:50:31Z");
        assertThat(DateQuery.atOrAfter(T).toQueryValue()).isEqualTo("gte:2026-11-22T12:50:30Z");
        assertThat(DateQuery.before(T).toQueryValue()).isEqualTo("lt:2026-11-22T12:50:30Z");
        assertThat(DateQuery.atOrBefore(T).toQueryValue()).isEqualTo("lt:2026-11-22T12:50:31Z");
        assertThat(DateQuery.notAt(T).toQueryValue()).isEqualTo("neq:2026-11-22T12:50:30Z");
        assertThat(DateQuery.at(T).toQueryValue()).isEqualTo("eq:2026-11-22T12:50:30Z");
        Instant withMillis = Instant.parse("2026-11-22T12:50:30.999Z");
        assertThat(DateQuery.after(withMillis).toQueryValue()).isEqualTo("gte:2026-11-22T12:50:31Z");
        assertThat(DateQuery.before(withMillis).toQueryValue()).isEqualTo("lt:2026-11-22T12:50:30Z");
        assertThat(DateQuery.of(DateQuery.Operator.LTE, withMillis).toQueryValue()).isEqualTo("lt:2026-11-22T12:50:31Z");
        assertThat(DateQuery.after(T).operator()).isEqualTo(DateQuery.Operator.GT);
        assertThat(DateQuery.after(T).instant()).isEqualTo(T);

        HttpUrl url = sent(ListOpts.builder().createdAt(DateQuery.after(T)).updatedAt(DateQuery.atOrBefore(T)).build());
        assertThat(url.queryParameter("created_at")).isEqualTo("gte:2026-11-22T12:50:31Z");
        assertThat(url.queryParameter("updated_at")).isEqualTo("lt:2026-11-22T12:50:31Z");
    }

    @Test
    void newStyleSortIsOneCommaSeparatedParameter() {
        HttpUrl url = sent(ListOpts.builder().sort(SortKey.asc(SortKey.NAME)).sort("created_at", SortDirection.DESC)
                .sort(SortKey.of("size", null)).build());

        assertThat(url.queryParameterValues("sort")).containsExactly("name:asc,created_at:desc,size");
        assertThat(url.queryParameter("sort_key")).isNull();
    }

    @Test
    void classicSortRepeatsKeyAndDirectionPairs() {
        HttpUrl url = sent(ListOpts.builder().sortKey("status", SortDirection.ASC).sortKey("name", SortDirection.DESC).build());

        assertThat(url.encodedQuery()).isEqualTo("sort_key=status&sort_dir=asc&sort_key=name&sort_dir=desc");
    }

    @Test
    void mixingSortStylesIsRejectedBeforeAnyRequest() {
        ListOpts.Builder b = ListOpts.builder().sort(SortKey.asc("name")).sortKey("name", SortDirection.ASC);

        assertThatThrownBy(b::build).isInstanceOf(ValidationException.class).hasMessageContaining("not both");
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void customPropertyFilters() {
        HttpUrl url = sent(ListOpts.builder().property("architecture", "x86_64").property("os_distro", "ubuntu").build());

        assertThat(url.queryParameter("architecture")).isEqualTo("x86_64");
        assertThat(url.queryParameter("os_distro")).isEqualTo("ubuntu");
        assertThatThrownBy(() -> ListOpts.builder().property("limit", "5")).isInstanceOf(ValidationException.class);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> ListOpts.builder().limit(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ListOpts.builder().limit(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ListOpts.builder().marker(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ListOpts.builder().sizeMin(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ListOpts.builder().sizeMin(10).sizeMax(5).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ListOpts.builder().tag("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SortKey.asc("name:asc")).isInstanceOf(ValidationException.class);
    }

    @Test
    void toQueryListsParametersInSendingOrder() {
        assertThat(ListOptsQuery.of(ListOpts.builder().limit(5).tag("a").tag("b").build()))
                .containsExactly(Map.entry("limit", "5"), Map.entry("tag", "a"), Map.entry("tag", "b"));
    }
}
