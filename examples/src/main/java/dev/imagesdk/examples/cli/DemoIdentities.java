package dev.imagesdk.examples.cli;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;

import java.io.PrintWriter;
import java.util.List;

/**
 * The well-known callers {@code imagectl emulator} and {@code imagectl demo} register, so the commands
 * they print can be pasted as they are. These tokens only exist in a local emulator.
 */
final class DemoIdentities {
    /** Token of project {@code alpha} (member; active in acme and acme/research): the publisher in the demo. */
    static final String ALPHA_TOKEN = "alpha-token";
    /** Token of project {@code beta} (member; active roles in organization acme and space acme/research). */
    static final String BETA_TOKEN = "beta-token";
    /** Token of project {@code gamma} (member; an inactive role in organization acme, so it sees no acme links). */
    static final String GAMMA_TOKEN = "gamma-token";
    /** Token of project {@code admin} (admin). */
    static final String ADMIN_TOKEN = "admin-token";

    static final Identity ALPHA = Identity.builder().project("alpha").user("alice")
            .organization("acme").space("acme", "research").build();
    static final Identity BETA = Identity.builder().project("beta").user("bob")
            .organization("acme").space("acme", "research").build();
    static final Identity GAMMA = Identity.builder().project("gamma").user("carol").inactiveOrganization("acme").build();
    static final Identity ADMIN = Identity.builder().project("admin").user("root").roles("admin", "member", "reader").build();

    private DemoIdentities() {
    }

    /** Registers the four tokens on an emulator. */
    static void register(ImageServiceEmulator emulator) {
        emulator.registerToken(ALPHA_TOKEN, ALPHA);
        emulator.registerToken(BETA_TOKEN, BETA);
        emulator.registerToken(GAMMA_TOKEN, GAMMA);
        emulator.registerToken(ADMIN_TOKEN, ADMIN);
        for (Identity i : List.of(ALPHA, BETA, GAMMA, ADMIN)) {
            emulator.registerUser(i); // the same roles for trusted-header callers (--project/--user)
        }
    }

    /** Describes the tokens for people. */
    static void describe(PrintWriter out) {
        out.println("  --token " + ALPHA_TOKEN + "   project alpha, user alice (member; active in acme and space acme/research)");
        out.println("  --token " + BETA_TOKEN + "    project beta, user bob (member; active in acme and space acme/research)");
        out.println("  --token " + GAMMA_TOKEN + "   project gamma, user carol (member; inactive role in acme)");
        out.println("  --token " + ADMIN_TOKEN + "   project admin, user root (admin)");
    }
}
