package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.BETA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class MembersCommandTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void shareAcceptRejectRemoveLifecycle() {
        String id = "aaaaaaaa-0000-0000-0000-000000000001";
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", id, "--name", "golden", "--visibility", "private");

        String added = emu.ok(ALPHA_TOKEN, "members", "add", id, "beta");
        assertThat(added).contains("member_id   beta\n", "status      pending\n");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", id)).contains("visibility        shared\n");

        assertThat(emu.ok(BETA_TOKEN, "images", "list", "--visibility", "shared", "--member-status", "pending")).contains(id);
        assertThat(emu.ok(BETA_TOKEN, "images", "list")).doesNotContain(id);

        assertThat(emu.ok(BETA_TOKEN, "members", "accept", id, "beta")).contains("status      accepted\n");
        assertThat(emu.ok(BETA_TOKEN, "images", "list")).contains(id);

        String listed = emu.ok(ALPHA_TOKEN, "members", "list", id);
        assertThat(listed.lines().findFirst().orElseThrow()).isEqualTo("image_id                              member_id  status    created_at            updated_at");
        assertThat(listed).contains(id + "  beta       accepted  ");

        assertThat(emu.ok(BETA_TOKEN, "members", "reject", id, "beta", "-f", "yaml")).contains("status: rejected\n");
        assertThat(emu.ok(BETA_TOKEN, "images", "list")).doesNotContain(id);

        assertThat(emu.ok(ALPHA_TOKEN, "members", "remove", id, "beta")).isEqualTo("removed project beta from image " + id + "\n");
        Cli.Result gone = emu.as(BETA_TOKEN, "images", "show", id);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void theOwnerCannotAcceptForTheMemberAndTheMemberProjectIsNeeded() {
        String id = "aaaaaaaa-0000-0000-0000-000000000002";
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", id, "--name", "golden");
        emu.ok(ALPHA_TOKEN, "members", "add", id, "beta");

        Cli.Result denied = emu.as(ALPHA_TOKEN, "members", "accept", id, "beta");
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(denied.err()).startsWith("imagectl: 403 Forbidden").contains("only the member project itself");
        assertThat(denied.err().lines().count()).isEqualTo(1);

        Cli.Result which = emu.as(BETA_TOKEN, "members", "accept", id);
        assertThat(which.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(which.err()).isEqualTo("imagectl: no member project given. "
                + "Give your own project id after the image id (IMAGE PROJECT_ID), or --project\n");

        Cli.Result viaProject = Cli.run("--endpoint", emu.endpoint, "--project", "beta", "--user", "bob",
                "members", "accept", id);
        assertThat(viaProject.exitCode()).as(viaProject.toString()).isZero();
        assertThat(viaProject.out()).contains("status      accepted");
    }
}
