package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.links.AvailabilityChange;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.LinkListOpts;
import dev.imagesdk.links.LinkUpdateOpts;
import dev.imagesdk.links.ReconcileReport;
import dev.imagesdk.links.Scope;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code imagectl image-links ...}: the records that make an image available globally (no organization,
 * no space), to an organization, or to a space. Listings show only the links that apply to the caller:
 * global ones, those of organizations where the caller has an active role, those of spaces where it has
 * an active space role.
 */
@Command(name = "image-links", description = "Image links: which users see which image (global, organization, space).",
        mixinStandardHelpOptions = true,
        subcommands = {
                ImageLinksCommand.ListLinks.class,
                ImageLinksCommand.Show.class,
                ImageLinksCommand.Create.class,
                ImageLinksCommand.Update.class,
                ImageLinksCommand.Delete.class,
                ImageLinksCommand.Reconcile.class})
final class ImageLinksCommand {
    /** The fields of a link, as the seed's {@code image-links list} prints them. */
    static final List<String> COLUMNS = List.of("imid", "linkid", "org_slug", "space_slug", "priority", "space_type", "comment");

    private ImageLinksCommand() {
    }

    static Record record(ImageLink l) {
        return Record.of()
                .put("imid", l.imageId())
                .put("linkid", l.linkId())
                .put("org_slug", l.orgSlug())
                .put("space_slug", l.spaceSlug())
                .put("priority", l.priority())
                .put("space_type", l.spaceType())
                .put("comment", l.comment());
    }

    /**
     * Which backend keeps the links and, for Glance, who the caller is. The flag wins over the clouds.yaml key
     * {@code imagesdk_links_backend}; without either, the image-link service ({@code service}).
     */
    static final class BackendOptions {
        @Option(names = "--links-backend", paramLabel = "glance|service",
                description = "Where the links live: 'glance' (kept on their images in Glance: works with any Glance; "
                        + "your roles come from --org-role/--space-role or clouds.yaml) or 'service' (an image-link "
                        + "service at /v2/image-links, which knows your roles). Default: clouds.yaml "
                        + "imagesdk_links_backend, else service.")
        String backend;

        @Option(names = "--org-role", paramLabel = "ORG[:ROLE]",
                description = "Glance backend: an active role of yours in organization ORG (repeatable; role default member). "
                        + "Default: clouds.yaml imagesdk_org_roles (a list or comma-separated).")
        List<String> orgRoles = new ArrayList<>();

        @Option(names = "--space-role", paramLabel = "ORG/SPACE[:ROLE]",
                description = "Glance backend: an active role of yours in space SPACE of ORG (repeatable). "
                        + "Default: clouds.yaml imagesdk_space_roles.")
        List<String> spaceRoles = new ArrayList<>();

        @Option(names = "--links-admin", description = "Glance backend: you administer the cloud (you see and manage every "
                + "link Glance shows you). Default: clouds.yaml imagesdk_links_admin.")
        boolean admin;

        @Option(names = "--roles-from", paramLabel = "flags|keystone",
                description = "Glance backend: where your roles come from: 'flags' (--org-role, --space-role, --links-admin "
                        + "or their clouds.yaml keys) or 'keystone' (read from Keystone with your own token: organizations "
                        + "are projects tagged imagesdk-org:ORG, spaces child projects tagged imagesdk-space:ORG:SPACE). "
                        + "Default: clouds.yaml imagesdk_roles_from, else flags.")
        String rolesFrom;
    }

    /** The backends imagectl can use, by the name of the flag and the clouds.yaml key. */
    static final List<String> BACKENDS = List.of("glance", "service");

    /** Whether a links backend was chosen, by flag or clouds.yaml key (then images are created with their links). */
    static boolean backendChosen(ApiCommand c, BackendOptions o) {
        return o.backend != null || c.imagectl().cloudConfig().flatMap(k -> k.setting("imagesdk_links_backend")).isPresent();
    }

    /**
     * Where availability follows the links kept in Glance: the projects of organizations and spaces, from the repeatable
     * {@code --scope-project ORG[/SPACE]=PROJECT} or, without it, the clouds.yaml key {@code imagesdk_scope_projects}
     * (a list, or comma-separated, of the same {@code ORG[/SPACE]=PROJECT} items). Mixed into {@code image-links create},
     * {@code delete}, {@code reconcile} and {@code images create}; read in one place, {@link #scopeProjects}.
     */
    static final class ScopeProjectOptions {
        @Option(names = "--scope-project", paramLabel = "ORG[/SPACE]=PROJECT",
                description = "Links kept in Glance: the project of organization ORG or of its space SPACE (repeatable). "
                        + "Given (or clouds.yaml imagesdk_scope_projects: [ORG=PROJECT, ORG/SPACE=PROJECT]), the image is "
                        + "made usable at once by exactly the projects its links apply to (a global link: community; an "
                        + "organization or space link: that scope's project as a member); a scope without a project is "
                        + "shared with nobody. Without it, create and delete leave visibility and members as they are: "
                        + "run 'imagectl image-links reconcile' afterwards. Not with --links-backend service.")
        Map<String, String> projects = new LinkedHashMap<>();

        @Option(names = "--scope-projects-from", paramLabel = "table|keystone",
                description = "Links kept in Glance: where the projects of organizations and spaces come from: 'table' "
                        + "(--scope-project or clouds.yaml imagesdk_scope_projects) or 'keystone' (looked up in Keystone by "
                        + "the tags imagesdk-org:ORG and imagesdk-space:ORG:SPACE; needs a Keystone login allowed to list "
                        + "projects, such as an administrator's). Default: clouds.yaml imagesdk_scope_projects_from, else table.")
        String from;

        /** The projects once read (one Keystone lookup per scope for the whole command). */
        java.util.Optional<ScopeProjects> resolved;

        /** Whether {@code --scope-project} or {@code --scope-projects-from} was given on the command line (clouds.yaml does not count). */
        boolean given() {
            return !projects.isEmpty() || from != null;
        }
    }

    /** The clouds.yaml key read when no {@code --scope-project} is given. */
    static final String SCOPE_PROJECTS_KEY = "imagesdk_scope_projects";
    /** The clouds.yaml key read when no {@code --scope-projects-from} is given. */
    static final String SCOPE_PROJECTS_FROM_KEY = "imagesdk_scope_projects_from";

    /**
     * The projects of the scopes: from Keystone ({@code --scope-projects-from keystone} or the clouds.yaml key
     * {@value #SCOPE_PROJECTS_FROM_KEY}: {@code KeystoneScopeProjects} with the caller's own login), else
     * {@code --scope-project} if given, else the clouds.yaml key {@value #SCOPE_PROJECTS_KEY}; empty when none names any.
     * An item that is not {@code ORG[/SPACE]=PROJECT}, a table next to {@code keystone}, or {@code keystone} without a
     * Keystone login is a usage error.
     */
    static java.util.Optional<ScopeProjects> scopeProjects(ApiCommand c, ScopeProjectOptions o) {
        if (o.resolved == null) {
            o.resolved = resolveScopeProjects(c, o);
        }
        return o.resolved;
    }

    private static java.util.Optional<ScopeProjects> resolveScopeProjects(ApiCommand c, ScopeProjectOptions o) {
        String from = o.from != null ? o.from
                : c.imagectl().cloudConfig().flatMap(k -> k.setting(SCOPE_PROJECTS_FROM_KEY)).orElse("table");
        if (from.equals("keystone")) {
            if (!o.projects.isEmpty()) {
                throw new CommandException(ExitCodes.USAGE, "scope projects from Keystone and from --scope-project at once",
                        "Drop --scope-project, or use --scope-projects-from table");
            }
            if (!(c.client().auth() instanceof dev.imagesdk.core.auth.KeystoneAuth)) {
                throw new CommandException(ExitCodes.USAGE, "--scope-projects-from keystone needs a Keystone login",
                        "Use --os-cloud NAME (or OS_AUTH_URL and a user) instead of --endpoint");
            }
            return java.util.Optional.of(dev.imagesdk.links.access.KeystoneScopeProjects.of(c.client()));
        }
        if (!from.equals("table")) {
            throw new CommandException(ExitCodes.USAGE, "unknown scope projects source \"" + from + "\"",
                    "Use --scope-projects-from table or --scope-projects-from keystone (clouds.yaml: " + SCOPE_PROJECTS_FROM_KEY + ")");
        }
        Map<String, String> table = new LinkedHashMap<>(o.projects);
        if (table.isEmpty()) {
            java.util.Optional<String> configured = c.imagectl().cloudConfig().flatMap(k -> k.setting(SCOPE_PROJECTS_KEY));
            for (String item : configured.map(ImageLinksCommand::items).orElse(List.of())) {
                String[] scopeAndProject = item.split("=", 2);
                if (scopeAndProject.length != 2) {
                    throw new CommandException(ExitCodes.USAGE, "clouds.yaml " + SCOPE_PROJECTS_KEY + " item \"" + item
                            + "\" names no project", "Write ORG=PROJECT or ORG/SPACE=PROJECT, for example acme/ml-lab=41d2...");
                }
                table.put(scopeAndProject[0].trim(), scopeAndProject[1].trim());
            }
        }
        return table.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ScopeProjects.of(table));
    }

    /** The links client without availability ({@code image-links list|show|update}). */
    static ImageLinks links(ApiCommand c, BackendOptions o) {
        return links(c, o, new ScopeProjectOptions());
    }

    /**
     * The links client: the image-link service, or links kept in Glance; with the projects of the scopes
     * ({@link #scopeProjects}) the Glance backend also makes each image usable by exactly the projects its links apply
     * to. {@code --scope-project} with the service backend is a usage error (the service decides who uses an image).
     */
    static ImageLinks links(ApiCommand c, BackendOptions o, ScopeProjectOptions p) {
        java.util.Optional<dev.imagesdk.core.config.CloudConfig> config = c.imagectl().cloudConfig();
        String backend = o.backend != null ? o.backend
                : config.flatMap(k -> k.setting("imagesdk_links_backend")).orElse("service");
        switch (backend) {
            case "service":
                if (p.given()) {
                    throw scopeProjectsWithoutGlance();
                }
                return ImageLinks.of(c.client());
            case "glance":
                java.util.function.Supplier<CallerRoles> caller = callerRoles(c, o, config);
                return scopeProjects(c, p).map(projects -> ImageLinks.inGlance(c.client(), caller, projects))
                        .orElseGet(() -> ImageLinks.inGlance(c.client(), caller));
            default:
                throw new CommandException(ExitCodes.USAGE, "unknown links backend \"" + backend + "\"",
                        "Use --links-backend glance or --links-backend service (clouds.yaml: imagesdk_links_backend)");
        }
    }

    /** The usage error for {@code --scope-project} where no links are kept in Glance. */
    static CommandException scopeProjectsWithoutGlance() {
        return new CommandException(ExitCodes.USAGE, "--scope-project and --scope-projects-from need the links kept in Glance",
                "Add --links-backend glance (clouds.yaml: imagesdk_links_backend: glance), or drop --scope-project: "
                        + "the image-link service decides who uses an image");
    }

    /**
     * Warns on stderr for each scope of {@code scopes} (an image's links) whose project is unknown to the projects of
     * the scopes (nothing when none are given): availability made the image's members exactly the known projects, so
     * nobody has it through such a scope.
     */
    static void warnUnresolved(ApiCommand c, ScopeProjectOptions p, List<Scope> scopes) {
        java.util.Optional<ScopeProjects> projects = scopeProjects(c, p);
        if (projects.isEmpty()) {
            return;
        }
        for (Scope s : scopes) {
            if (s.orgSlug() != null && projects.get().projectOf(s.orgSlug(), s.spaceSlug()).isEmpty()) {
                String key = s.orgSlug() + (s.spaceSlug() == null ? "" : "/" + s.spaceSlug());
                c.err().println("imagectl: no project known for " + (s.spaceSlug() == null ? "organization " : "space ") + key
                        + " (give --scope-project " + key + "=PROJECT); shared with nobody");
            }
        }
        c.err().flush();
    }

    /**
     * The caller's roles for the Glance backend: the project imagectl acts for (--project, else the project of the
     * Keystone token) and the roles given by flags or clouds.yaml. This is the one place a source of roles plugs in
     * (for example roles read from Keystone): it is asked once per call of the links client.
     */
    static java.util.function.Supplier<CallerRoles> callerRoles(ApiCommand c, BackendOptions o,
            java.util.Optional<dev.imagesdk.core.config.CloudConfig> config) {
        String from = o.rolesFrom != null ? o.rolesFrom : config.flatMap(k -> k.setting("imagesdk_roles_from")).orElse("flags");
        if (from.equals("keystone")) {
            if (!o.orgRoles.isEmpty() || !o.spaceRoles.isEmpty() || o.admin) {
                throw new CommandException(ExitCodes.USAGE, "roles from Keystone and from flags at once",
                        "Drop --org-role/--space-role/--links-admin, or use --roles-from flags");
            }
            if (!(c.client().auth() instanceof dev.imagesdk.core.auth.KeystoneAuth)) {
                throw new CommandException(ExitCodes.USAGE, "--roles-from keystone needs a Keystone login",
                        "Use --os-cloud NAME (or OS_AUTH_URL and a user) instead of --endpoint");
            }
            return dev.imagesdk.links.access.KeystoneRoles.of(c.client());
        }
        if (!from.equals("flags")) {
            throw new CommandException(ExitCodes.USAGE, "unknown roles source \"" + from + "\"",
                    "Use --roles-from flags or --roles-from keystone (clouds.yaml: imagesdk_roles_from)");
        }
        List<String> orgRoles = !o.orgRoles.isEmpty() ? o.orgRoles
                : config.flatMap(k -> k.setting("imagesdk_org_roles")).map(ImageLinksCommand::items).orElse(List.of());
        List<String> spaceRoles = !o.spaceRoles.isEmpty() ? o.spaceRoles
                : config.flatMap(k -> k.setting("imagesdk_space_roles")).map(ImageLinksCommand::items).orElse(List.of());
        boolean admin = o.admin || config.flatMap(k -> k.setting("imagesdk_links_admin")).map(Boolean::parseBoolean).orElse(false);
        CallerRoles.Builder b = CallerRoles.builder().administrator(admin);
        for (String r : orgRoles) {
            String[] orgAndRole = r.split(":", 2);
            b.orgRole(orgAndRole[0], orgAndRole.length > 1 ? orgAndRole[1] : "member");
        }
        for (String r : spaceRoles) {
            String[] scopeAndRole = r.split(":", 2);
            String[] orgAndSpace = scopeAndRole[0].split("/", 2);
            if (orgAndSpace.length != 2) {
                throw new CommandException(ExitCodes.USAGE, "--space-role " + r + " names no space",
                        "Write ORG/SPACE[:ROLE], for example acme/ml-lab:editor");
            }
            b.spaceRole(orgAndSpace[0], orgAndSpace[1], scopeAndRole.length > 1 ? scopeAndRole[1] : "member");
        }
        String project = c.imagectl().project != null ? c.imagectl().project : keystoneProject(c);
        if (project != null) {
            b.project(project);
        }
        CallerRoles roles = b.build();
        return () -> roles;
    }

    /** The project of the client's Keystone token (one is obtained if none was yet), or {@code null}. */
    private static String keystoneProject(ApiCommand c) {
        if (c.client().auth() instanceof dev.imagesdk.core.auth.KeystoneAuth k) {
            if (k.currentToken().isEmpty()) {
                c.client().endpoint();
            }
            return k.currentToken().flatMap(dev.imagesdk.core.auth.KeystoneToken::projectId).orElse(null);
        }
        return null;
    }

    private static List<String> items(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The scope named by --org/--space (neither: global); --space without --org is a usage error. */
    static Scope scope(String org, String space) {
        if (space != null && org == null) {
            throw new CommandException(ExitCodes.USAGE, "--space " + space + " needs its organization",
                    "Add --org SLUG (a space belongs to an organization)");
        }
        return Scope.of(org, space);
    }

    @Command(name = "list", description = "List the image links that apply to you: global first, then organization, "
            + "then space links, each by priority.", mixinStandardHelpOptions = true)
    static final class ListLinks extends ApiCommand {
        @Mixin
        FormatOption format;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend:%n")
        BackendOptions backend = new BackendOptions();

        @Option(names = "--image", paramLabel = "IMAGE", description = "Only links of this image (id or unique name).")
        String imageId;

        @Option(names = "--org", paramLabel = "SLUG", description = "Only links of this organization.")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Only links of this space.")
        String space;

        @Option(names = "--space-type", paramLabel = "TYPE", description = "Only links with this space type.")
        String spaceType;

        @Override
        void run() {
            LinkListOpts.Builder b = LinkListOpts.builder();
            if (imageId != null) {
                b.imageId(imageId(imageId));
            }
            if (org != null) {
                b.orgSlug(org);
            }
            if (space != null) {
                b.spaceSlug(space);
            }
            if (spaceType != null) {
                b.spaceType(spaceType);
            }
            List<Record> rows = new ArrayList<>();
            for (ImageLink link : links(this, backend).list(b.build())) {
                rows.add(record(link));
            }
            format.printList(rows, COLUMNS, out());
        }
    }

    @Command(name = "show", description = "Show one image link.", mixinStandardHelpOptions = true)
    static final class Show extends ApiCommand {
        @Mixin
        FormatOption format;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend:%n")
        BackendOptions backend = new BackendOptions();

        @Parameters(paramLabel = "LINKID", description = "The link id.")
        String linkId;

        @Override
        void run() {
            format.printOne(record(links(this, backend).get(linkId)), out());
        }
    }

    @Command(name = "create", description = "Make an image available: globally (no --org), to an organization "
            + "(--org) or to a space (--org and --space). Links kept in Glance change the image's visibility and members "
            + "only with --scope-project (or clouds.yaml imagesdk_scope_projects); otherwise run 'image-links reconcile' "
            + "afterwards.", mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Mixin
        FormatOption format;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend:%n")
        BackendOptions backend = new BackendOptions();

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The image (id or unique name).")
        String imageId;

        @Option(names = "--org", paramLabel = "SLUG", description = "Organization slug.")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Space slug (needs --org).")
        String space;

        @Option(names = "--priority", description = "Display priority within the scope (lower first).")
        Integer priority;

        @Option(names = "--space-type", paramLabel = "TYPE", description = "Type of space, for filtering.")
        String spaceType;

        @Option(names = "--comment", description = "A descriptive comment.")
        String comment;

        @Mixin
        ScopeProjectOptions scopeProjects;

        @Override
        void run() {
            Scope scope = scope(org, space);
            LinkCreateOpts.Builder b = LinkCreateOpts.builder(imageId(imageId), scope);
            if (priority != null) {
                b.priority(priority);
            }
            if (spaceType != null) {
                b.spaceType(spaceType);
            }
            if (comment != null) {
                b.comment(comment);
            }
            ImageLinks links = links(this, backend, scopeProjects);
            ImageLink created = links.create(b.build());
            format.printOne(record(created), out());
            if (scopeProjects(this, scopeProjects).isPresent()) {
                // the image is now shared for all its links, not only this one: name every scope left without a project
                warnUnresolved(this, scopeProjects, links.listForImage(created.imageId()).stream().map(ImageLink::scope).toList());
            }
        }
    }

    @Command(name = "update", description = "Change a link's priority or comment (its image and scope stay).",
            mixinStandardHelpOptions = true)
    static final class Update extends ApiCommand {
        @Mixin
        FormatOption format;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend:%n")
        BackendOptions backend = new BackendOptions();

        @Parameters(paramLabel = "LINKID", description = "The link id.")
        String linkId;

        @Option(names = "--priority", description = "New display priority within the scope (lower first).")
        Integer priority;

        @Option(names = "--comment", description = "New comment.")
        String comment;

        @Option(names = "--no-comment", description = "Remove the comment.")
        boolean noComment;

        @Override
        void run() {
            if (comment != null && noComment) {
                throw new CommandException(ExitCodes.USAGE, "--comment and --no-comment exclude each other", "Give one of them");
            }
            if (priority == null && comment == null && !noComment) {
                throw new CommandException(ExitCodes.USAGE, "nothing to change", "Give --priority, --comment or --no-comment");
            }
            LinkUpdateOpts.Builder b = LinkUpdateOpts.builder();
            if (priority != null) {
                b.priority(priority);
            }
            if (comment != null) {
                b.comment(comment);
            }
            if (noComment) {
                b.clearComment();
            }
            format.printOne(record(links(this, backend).update(linkId, b.build())), out());
        }
    }

    @Command(name = "delete", description = "Delete image links (the images stay). Links kept in Glance withdraw the "
            + "memberships they granted only with --scope-project (or clouds.yaml imagesdk_scope_projects); otherwise run "
            + "'image-links reconcile' afterwards.", mixinStandardHelpOptions = true)
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "LINKID", arity = "1..*", description = "Link ids.")
        List<String> linkIds;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend:%n")
        BackendOptions backend = new BackendOptions();

        @Mixin
        ScopeProjectOptions scopeProjects;

        @Override
        void run() {
            ImageLinks links = links(this, backend, scopeProjects);
            boolean availability = scopeProjects(this, scopeProjects).isPresent();
            each(linkIds, "image links", "deleted", id -> {
                String imageId = availability ? links.get(id).imageId() : null;
                links.delete(id);
                out().println("deleted image link " + id);
                if (availability) {
                    // the image is now shared for its remaining links: name every scope of them left without a project
                    warnUnresolved(this, scopeProjects, links.listForImage(imageId).stream().map(ImageLink::scope).toList());
                }
            });
        }
    }

    /** The fields of one image's availability change, as {@code image-links reconcile} prints them. */
    static final List<String> RECONCILE_COLUMNS = List.of("image_id", "visibility_before", "visibility_after", "members_added",
            "members_removed");

    static Record record(AvailabilityChange c) {
        return Record.of()
                .put("image_id", c.imageId())
                .put("visibility_before", c.visibilityBefore() == null ? null : c.visibilityBefore().value())
                .put("visibility_after", c.visibilityAfter() == null ? null : c.visibilityAfter().value())
                .put("members_added", c.membersAdded())
                .put("members_removed", c.membersRemoved());
    }

    @Command(name = "reconcile", description = "Links kept in Glance: make each image usable by exactly the projects its "
            + "links apply to (a global link: community; an organization or space link: that scope's project as a member), "
            + "repairing drift; prints what changed (nothing on a second run).", mixinStandardHelpOptions = true)
    static final class Reconcile extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--image", paramLabel = "IMAGE", description = "Only this image (id or unique name); default: "
                + "every image with links of the project given by --project (every image for an administrator, --roles admin).")
        String imageId;

        @Mixin
        ScopeProjectOptions scopeProjects;

        @Override
        void run() {
            Imagectl o = imagectl();
            boolean admin = o.roles != null && Arrays.asList(o.roles).contains("admin");
            CallerRoles.Builder caller = CallerRoles.builder().administrator(admin);
            String project = o.project != null ? o.project : keystoneProject(this);
            if (project != null) {
                caller.project(project);
            } else if (imageId == null && !admin) {
                throw new CommandException(ExitCodes.USAGE, "reconcile without --image covers the images of your project",
                        "Give --project ID (and --roles admin for every image), or --image IMAGE");
            }
            ImageLinks links = ImageLinks.inGlance(client(), caller.build(), scopeProjects(this, scopeProjects).orElse(ScopeProjects.none()));
            ReconcileReport report = imageId == null ? links.reconcile() : links.reconcile(imageId(imageId));
            List<Record> rows = new ArrayList<>();
            for (AvailabilityChange c : report.changes()) {
                rows.add(record(c));
            }
            format.printList(rows, RECONCILE_COLUMNS, out());
            for (String u : report.unresolved()) {
                err().println("imagectl: no project known for " + u + " (give --scope-project); shared with nobody");
            }
            for (String lock : report.locksRemoved()) {
                err().println("imagectl: removed link-write lock image " + lock + " that a writer left behind");
            }
            err().flush();
        }
    }
}
