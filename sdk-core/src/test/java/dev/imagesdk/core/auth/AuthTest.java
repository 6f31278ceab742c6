package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthTest {
    @Test
    void tokenAuthSendsTheTokenButNeverShowsIt() {
        Auth auth = Auth.token("gAAAAAB-secret");
        AuthHeaders headers = auth.headers(null);
        assertThat(headers.asMap()).containsEntry("X-Auth-Token", "gAAAAAB-secret");
        assertThat(auth.toString()).doesNotContain("gAAAAAB-secret");
        assertThat(headers.toString()).doesNotContain("gAAAAAB-secret").contains("X-Auth-Token");
    }

    @Test
    void trustedHeadersCarryGlancesContextHeaders() {
        AuthHeaders h = Auth.trustedHeaders("proj", "user", "member", "reader").headers(null);
        assertThat(h.asMap()).containsEntry("X-Identity-Status", "Confirmed").containsEntry("X-Project-Id", "proj")
                .containsEntry("X-User-Id", "user").containsEntry("X-Roles", "member,reader");
    }

    @Test
    void badCredentialsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> Auth.token(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.token(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.token("a\nb")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.trustedHeaders("", "u", "member")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.trustedHeaders("p", "u")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.trustedHeaders("p", "u", "a,b")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.trustedHeaders("p", "u", (String[]) null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void noAuthSendsNothing() {
        assertThat(Auth.none().headers(null).asMap()).isEmpty();
    }
}
