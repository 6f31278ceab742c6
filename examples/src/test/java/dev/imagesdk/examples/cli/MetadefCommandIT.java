package dev.imagesdk.examples.cli;

import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code imagectl metadef} against the real Glance (trusted headers, an administrator: metadef writes need one). */
class MetadefCommandIT {
    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", RealGlance.endpoint(), "--project",
                RealGlance.PROJECT_ADMIN, "--user", "imagectl-it", "--roles", "admin,member,reader"));
        all.addAll(List.of(args));
        return Cli.run(Map.of(), false, all.toArray(new String[0]));
    }

    private static String ok(String... args) {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
        return r.out();
    }

    @Test
    void aNamespaceIsBuiltShownAndDeletedThroughImagectl() {
        String ns = "imagectl-it." + UUID.randomUUID().toString().substring(0, 8);
        try {
            ok("metadef", "namespaces", "create", ns, "--visibility", "public", "--protected",
                    "--resource-type", "OS::Glance::Image:hw_", "--tag", "t1");
            ok("metadef", "properties", "create", ns, "cpu", "--type", "integer", "--title", "CPU", "--minimum", "1",
                    "--default", "2");
            ok("metadef", "objects", "create", ns, "limits", "--property", "quota:integer:Quota", "--required", "quota");
            assertThat(ok("metadef", "tags", "create", ns, "t2", "t3", "-f", "value")).isEqualTo("t2\nt3\n");

            assertThat(ok("metadef", "properties", "list", ns, "-f", "csv")).isEqualTo("name,type,title,default,enum\n"
                    + "cpu,integer,CPU,2,\n");
            assertThat(ok("metadef", "namespaces", "show", ns, "--resource-type", "OS::Glance::Image", "-f", "value",
                    "-c", "namespace", "-c", "protected", "-c", "resource_types")).isEqualTo(ns + "\ntrue\nOS::Glance::Image (hw_)\n");
            assertThat(ok("metadef", "objects", "list", ns, "-f", "value", "-c", "name", "-c", "required"))
                    .isEqualTo("limits quota\n");
            assertThat(ok("metadef", "tags", "list", ns, "-f", "value").lines().sorted().toList())
                    .containsExactly("t1", "t2", "t3");
            assertThat(ok("metadef", "namespaces", "list", "--resource-type", "OS::Glance::Image", "-f", "value",
                    "-c", "namespace").lines().toList()).contains(ns);

            Cli.Result denied = run("metadef", "namespaces", "delete", ns);
            assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(ExitCodes.DENIED);
            assertThat(denied.err()).contains("is protected and cannot be deleted");
        } finally {
            run("metadef", "namespaces", "update", ns, "--no-protected");
            run("metadef", "namespaces", "delete", ns);
        }
        Cli.Result gone = run("metadef", "namespaces", "show", ns);
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    }
}
