package dev.imagesdk.members;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.ArgumentProbe;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.MemberStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public entry point of sdk-members refuses null or blank input with ValidationException, before any request. */
class MembersArgumentsTest {
    private final ServiceClient unreachable = ArgumentProbe.unreachableClient();
    private final ArgumentProbe probe = new ArgumentProbe(Map.<Class<?>, Supplier<Object>>of(
            String.class, () -> "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a",
            ServiceClient.class, () -> unreachable,
            Images.class, () -> Images.of(unreachable),
            Members.class, () -> Members.of(unreachable),
            MemberStatus.class, () -> MemberStatus.ACCEPTED));

    @Test
    void membersClientRefusesBadInput() {
        assertThat(probe.violations(Members.class, Members.of(unreachable))).isEmpty();
        assertThat(probe.violations(Members.class, null)).isEmpty();
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(6); // add, get, listForImage, update, remove, of
    }

    @Test
    void sharingWorkflowRefusesBadInput() {
        assertThat(probe.violations(Sharing.class, null)).isEmpty();
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(3); // share, offers(images), offers(images, status)
    }
}
