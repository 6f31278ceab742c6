package dev.imagesdk.links.internal.glance;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encoding version 1 as the module's README specifies it; expected strings written by hand. */
class LinkEncodingTest {
    private static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";

    @Test
    void valuesAreWrittenAsTheReadmeSays() {
        assertThat(LinkEncoding.value(5, "abcd1234", "research", "GPU; CUDA 12")).isEqualTo("v1;p=5;r=abcd1234;t=research;c=GPU; CUDA 12");
        assertThat(LinkEncoding.value(0, "zz", null, null)).isEqualTo("v1;p=0;r=zz");
        assertThat(LinkEncoding.value(-3, "zz", null, "")).isEqualTo("v1;p=-3;r=zz;c=");
        assertThat(LinkEncoding.scopeKey(null, null)).isEqualTo("global");
        assertThat(LinkEncoding.scopeKey("acme", null)).isEqualTo("org:acme");
        assertThat(LinkEncoding.scopeKey("acme", "ml-lab")).isEqualTo("space:acme:ml-lab");
        assertThat(LinkEncoding.linkId(IMAGE, "space:acme:ml-lab")).isEqualTo(IMAGE + ":space:acme:ml-lab");
    }

    @Test
    void theLongestValueFitsGlancesLimit() {
        String value = LinkEncoding.value(-999_999, "abcdefgh", "t".repeat(64), "c".repeat(160));
        assertThat(value).hasSize(12 + 11 + 67 + 163); // "v1;p=-999999", ";r=abcdefgh", ";t=" + 64, ";c=" + 160
        assertThat(value.length()).isLessThanOrEqualTo(255);
    }

    @Test
    void valuesAreReadBack() {
        LinkEncoding.Value v = LinkEncoding.readValue("v1;p=5;r=abcd1234;t=research;c=GPU; CUDA 12");
        assertThat(v.priority()).isEqualTo(5);
        assertThat(v.revision()).isEqualTo("abcd1234");
        assertThat(v.spaceType()).isEqualTo("research");
        assertThat(v.comment()).isEqualTo("GPU; CUDA 12");
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void valuesThatDoNotFollowTheEncodingBecomeProblems() {
        assertThat(LinkEncoding.readValue("v2;p=1;whatever").problems())
                .containsExactly("written in link encoding version 2; this SDK reads version 1");
        assertThat(LinkEncoding.readValue("p=1").problems())
                .containsExactly("not an imagesdk link value (no version marker): \"p=1\"");
        assertThat(LinkEncoding.readValue("v1;p=01;r=ab;x=1").problems())
                .containsExactly("unknown field \"x=1\"", "p (priority): not an integer from -999999 to 999999: \"01\"");
        assertThat(LinkEncoding.readValue("v1;r=ab;r=cd;p=1000000").problems())
                .containsExactly("field r given twice", "p (priority): not an integer from -999999 to 999999: \"1000000\"");
        assertThat(LinkEncoding.readValue("v1;p=1").problems()).containsExactly("r (revision): missing");
    }

    @Test
    void everyLinkOfAnImageIsReadWithItsOwnProblems() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("os_distro", "ubuntu");
        p.put("imagesdk:index:any", "1");
        p.put("imagesdk:link:global", "v1;p=0;r=aaaa");
        p.put("imagesdk:index:global", "1");
        p.put("imagesdk:link:org:acme", "v7;future");
        p.put("imagesdk:index:org:acme", "1");
        p.put("imagesdk:link:space:acme:lab", "v1;p=2;r=bbbb;t=research");
        p.put("imagesdk:index:space:acme:zoo", "1");
        p.put("imagesdk:link:org:ACME", "v1;p=1;r=cccc");

        List<StoredLink> links = LinkEncoding.read(IMAGE, "owner-1", p);

        assertThat(links).extracting(StoredLink::linkId).containsExactly(IMAGE + ":global", IMAGE + ":org:acme",
                IMAGE + ":space:acme:lab", IMAGE + ":org:ACME", IMAGE + ":space:acme:zoo");
        assertThat(links.get(0).problems()).isEmpty();
        assertThat(links.get(0).priority()).isEqualTo(0);
        assertThat(links.get(1).problems()).containsExactly("written in link encoding version 7; this SDK reads version 1");
        assertThat(links.get(1).orgSlug()).isEqualTo("acme");
        assertThat(links.get(2).problems()).containsExactly(
                "index property imagesdk:index:space:acme:lab missing: listings by scope do not find this link");
        assertThat(links.get(2).spaceType()).isEqualTo("research");
        assertThat(links.get(3).scopeKnown()).isFalse();
        assertThat(links.get(3).orgSlug()).isNull();
        assertThat(links.get(3).problems()).containsExactly(
                "property key does not name a scope (global, org:<org>, space:<org>:<space>): \"org:ACME\"");
        assertThat(links.get(4).problems()).containsExactly("data property missing");
        assertThat(links).allMatch(l -> "owner-1".equals(l.imageOwner()));
    }

    @Test
    void whatTheEncodingCannotCarryIsRefused() {
        assertThatThrownBy(() -> LinkEncoding.checkSlug("organization", "Acme")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkSlug("space", "ml:lab")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkSlug("space", "-lab")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkSlug("space", "a".repeat(101))).isInstanceOf(ValidationException.class);
        LinkEncoding.checkSlug("space", "a".repeat(100));
        LinkEncoding.checkSlug("space", "ml_lab.2-b");
        assertThatThrownBy(() -> LinkEncoding.checkPriority(1_000_000)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkPriority(-1_000_000)).isInstanceOf(ValidationException.class);
        LinkEncoding.checkPriority(999_999);
        LinkEncoding.checkPriority(-999_999);
        assertThatThrownBy(() -> LinkEncoding.checkComment("c".repeat(161))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkComment("two\nlines")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkComment("GPU \uD83D\uDE80")).isInstanceOf(ValidationException.class);
        LinkEncoding.checkComment("c".repeat(160));
        LinkEncoding.checkComment("Grüße; 研究");
        assertThatThrownBy(() -> LinkEncoding.checkSpaceType("a;b")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.checkSpaceType("t".repeat(65))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.parseLinkId("42")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkEncoding.parseLinkId(IMAGE + ":org:Acme")).isInstanceOf(ValidationException.class);
        assertThat(LinkEncoding.parseLinkId(IMAGE + ":space:acme:lab")).containsExactly(IMAGE, "space:acme:lab");
    }
}
