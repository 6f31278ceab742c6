package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.imagesdk.examples.cli.DemoIdentities.ADMIN_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code imagectl metadef ...} against the emulator: an administrator builds a namespace, a member reads it. */
class MetadefCommandEmulatorTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void anAdministratorBuildsANamespaceAndAMemberReadsIt() {
        emu.ok(ADMIN_TOKEN, "metadef", "namespaces", "create", "demo.ns", "--visibility", "public",
                "--resource-type", "OS::Glance::Image:hw_", "--tag", "t1");
        emu.ok(ADMIN_TOKEN, "metadef", "properties", "create", "demo.ns", "cpu", "--type", "integer", "--title", "CPU",
                "--minimum", "1", "--default", "2");
        emu.ok(ADMIN_TOKEN, "metadef", "objects", "create", "demo.ns", "limits", "--property", "quota:integer:Quota",
                "--required", "quota");
        emu.ok(ADMIN_TOKEN, "metadef", "tags", "create", "demo.ns", "t2", "t3");
        emu.ok(ADMIN_TOKEN, "metadef", "tags", "rename", "demo.ns", "t3", "t4");

        assertThat(emu.ok(ALPHA_TOKEN, "metadef", "properties", "list", "demo.ns", "-f", "csv"))
                .isEqualTo("name,type,title,default,enum\ncpu,integer,CPU,2,\n");
        assertThat(emu.ok(ALPHA_TOKEN, "metadef", "properties", "show", "demo.ns", "hw_cpu", "--resource-type",
                "OS::Glance::Image", "-f", "value", "-c", "name", "-c", "minimum")).isEqualTo("cpu\n1\n");
        assertThat(emu.ok(ALPHA_TOKEN, "metadef", "objects", "list", "demo.ns", "-f", "value", "-c", "name", "-c", "required"))
                .isEqualTo("limits quota\n");
        assertThat(emu.ok(ALPHA_TOKEN, "metadef", "tags", "list", "demo.ns", "-f", "value").lines().sorted().toList())
                .containsExactly("t1", "t2", "t4");
        assertThat(emu.ok(ALPHA_TOKEN, "metadef", "resource-types", "list", "demo.ns", "-f", "csv"))
                .isEqualTo("name,prefix,properties_target\nOS::Glance::Image,hw_,\n");

        Cli.Result denied = emu.as(ALPHA_TOKEN, "metadef", "namespaces", "delete", "demo.ns");
        assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(ExitCodes.DENIED);
        emu.ok(ADMIN_TOKEN, "metadef", "namespaces", "delete", "demo.ns");
        Cli.Result gone = emu.as(ADMIN_TOKEN, "metadef", "namespaces", "show", "demo.ns");
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    }
}
