package dev.imagesdk.testing.internal.emulator.links;

import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.glance.Policy;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.http.QueryString;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.LinkRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image-links resource (issue 5's wire contract; Glance has none): {@code /v2/image-links} with
 * paging and filters, show, create (201), PATCH of {@code priority}/{@code comment}, delete (204), and
 * {@code /v2/images/{imid}/links}. Callers see the links sdk-links' {@code ScopeRules} grant them, plus every
 * link of the images they manage (owner project, administrators).
 */
public final class LinksApi {
    /** The collection member of list answers. */
    public static final String COLLECTION = "image_links";
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> CREATE_FIELDS =
            Set.of("imid", "org_slug", "space_slug", "priority", "space_type", "comment");
    private static final Set<String> MUTABLE_FIELDS = Set.of("priority", "comment");
    static final Comparator<LinkRecord> ORDER = Comparator.comparingInt(LinkRecord::scopeRank)
            .thenComparingInt(l -> l.priority)
            .thenComparingLong(l -> l.sequence);

    private final EmulatorState state;

    /** The image-link endpoints over {@code state}. */
    public LinksApi(EmulatorState state) {
        this.state = state;
    }

    /** The JSON of one link, fields named as issue 5 says. */
    static Map<String, Object> view(LinkRecord l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("linkid", l.linkId);
        m.put("imid", l.imageId);
        m.put("org_slug", l.orgSlug);
        m.put("space_slug", l.spaceSlug);
        m.put("priority", l.priority);
        m.put("space_type", l.spaceType);
        m.put("comment", l.comment);
        return m;
    }

    private boolean listed(Caller who, CallerRoles roles, LinkRecord l) {
        return LinkAccess.listed(who, roles, l, state.images().get(l.imageId));
    }

    private LinkRecord visibleLink(Caller who, String linkId) {
        LinkRecord l = state.links().get(linkId);
        if (l == null || !listed(who, LinkAccess.roles(who), l)) {
            throw GlanceError.notFound("No image link found with ID " + linkId);
        }
        return l;
    }

    private static boolean mayManage(Caller who, ImageRecord image) {
        return LinkAccess.manages(who, image);
    }

    /** {@code GET /v2/image-links}. */
    public void list(Exchange ex) {
        QueryString q = ex.query();
        int limit = DEFAULT_LIMIT;
        if (q.has("limit")) {
            try {
                limit = Integer.parseInt(q.last("limit").strip());
            } catch (NumberFormatException e) {
                throw GlanceError.badRequest("limit param must be an integer");
            }
            if (limit < 0) {
                throw GlanceError.badRequest("limit param must be positive");
            }
            limit = Math.min(limit, MAX_LIMIT);
        }
        int pageSize = limit;
        Caller who = ex.identity();
        CallerRoles roles = LinkAccess.roles(who);
        Map<String, Object> body = state.locked(() -> {
            LinkRecord marker = null;
            if (q.has("marker")) {
                marker = state.links().get(q.last("marker"));
                if (marker == null || !listed(who, roles, marker)) {
                    throw GlanceError.badRequest("No image link found with ID " + q.last("marker"));
                }
            }
            List<LinkRecord> all = new ArrayList<>();
            for (LinkRecord l : state.links().values()) {
                if (!listed(who, roles, l)
                        || !filter(q, "imid", l.imageId) || !filter(q, "org_slug", l.orgSlug)
                        || !filter(q, "space_slug", l.spaceSlug) || !filter(q, "space_type", l.spaceType)) {
                    continue;
                }
                if (marker != null && ORDER.compare(l, marker) <= 0) {
                    continue;
                }
                all.add(l);
            }
            all.sort(ORDER);
            List<LinkRecord> page = all.subList(0, Math.min(pageSize, all.size()));
            List<Object> items = new ArrayList<>();
            for (LinkRecord l : page) {
                items.add(view(l));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put(COLLECTION, items);
            String lq = q.glanceLinkQuery();
            doc.put("first", "/v2/image-links" + (lq.isEmpty() ? "" : "?" + lq));
            if (!page.isEmpty() && page.size() == pageSize) {
                doc.put("next", "/v2/image-links?" + (lq.isEmpty() ? "" : lq + "&") + "marker="
                        + page.get(page.size() - 1).linkId);
            }
            return doc;
        });
        ex.sendJson(200, body);
    }

    private static boolean filter(QueryString q, String name, String actual) {
        return !q.has(name) || q.last(name).equals(actual);
    }

    /** {@code GET /v2/image-links/{linkid}}. */
    public void show(Exchange ex, String linkId) {
        Map<String, Object> view = state.locked(() -> view(visibleLink(ex.identity(), linkId)));
        ex.sendJson(200, view);
    }

    /** {@code GET /v2/images/{imid}/links}: the image's links the caller may see. */
    public void forImage(Exchange ex, String imageId) {
        Caller who = ex.identity();
        CallerRoles roles = LinkAccess.roles(who);
        Map<String, Object> body = state.locked(() -> {
            ImageRecord image = state.images().get(imageId);
            if (image == null || !Policy.canSee(who, image)) {
                throw GlanceError.notFound("No image found with ID " + imageId);
            }
            List<LinkRecord> links = new ArrayList<>();
            for (LinkRecord l : state.links().values()) {
                if (l.imageId.equals(imageId) && listed(who, roles, l)) {
                    links.add(l);
                }
            }
            links.sort(ORDER);
            List<Object> items = new ArrayList<>();
            for (LinkRecord l : links) {
                items.add(view(l));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put(COLLECTION, items);
            return doc;
        });
        ex.sendJson(200, body);
    }

    /** {@code POST /v2/image-links} → 201 with {@code Location}; the image's owner (or an admin) only. */
    public void create(Exchange ex) {
        Object parsed = Json.parse(ex.bodyText());
        if (!(parsed instanceof Map)) {
            throw GlanceError.badRequest("The request body must be a JSON object.");
        }
        Map<?, ?> body = (Map<?, ?>) parsed;
        for (Object key : body.keySet()) {
            if (!CREATE_FIELDS.contains(key)) {
                throw GlanceError.badRequest("Attribute '" + key + "' cannot be set on an image link.");
            }
        }
        String imid = text(body, "imid", true);
        String org = text(body, "org_slug", false);
        String space = text(body, "space_slug", false);
        String spaceType = optionalString(body, "space_type");
        String comment = optionalString(body, "comment");
        int priority = priority(body.get("priority"), 0);
        if (space != null && org == null) {
            throw GlanceError.badRequest("A space-scoped link must name its organization (org_slug).");
        }
        if (spaceType != null && space == null) {
            throw GlanceError.badRequest("Only a space-scoped link has a space_type.");
        }
        Caller who = ex.identity();
        Map<String, Object> view = state.locked(() -> {
            ImageRecord image = state.images().get(imid);
            if (image == null || !Policy.canSee(who, image)) {
                throw GlanceError.notFound("No image found with ID " + imid);
            }
            if (!mayManage(who, image)) {
                throw GlanceError.forbidden("You do not own image " + imid + ".");
            }
            for (LinkRecord other : state.links().values()) {
                if (other.imageId.equals(imid) && java.util.Objects.equals(other.orgSlug, org)
                        && java.util.Objects.equals(other.spaceSlug, space)) {
                    throw GlanceError.conflict("Image " + imid + " already has a link in this scope: "
                            + other.linkId);
                }
            }
            String id = EmulatorState.newId();
            LinkRecord l = new LinkRecord(id, state.nextLinkSequence(), imid, org, space, spaceType, priority,
                    comment, who.projectId(), state.now());
            state.links().put(id, l);
            return view(l);
        });
        ex.responseHeader("Location", ex.baseUrl() + "/v2/image-links/" + view.get("linkid"));
        ex.sendJson(201, view);
    }

    /** {@code PATCH /v2/image-links/{linkid}}: a JSON object with {@code priority} and/or {@code comment}. */
    public void update(Exchange ex, String linkId) {
        String ct = ex.contentType();
        if (!ct.equals("application/merge-patch+json")) {
            throw GlanceError.raw(415, "The request media type " + (ct.isEmpty() ? "None" : ct)
                    + " is not supported by this server.\n<br /><br />\n");
        }
        Object parsed = Json.parse(ex.bodyText());
        if (!(parsed instanceof Map)) {
            throw GlanceError.badRequest("The request body must be a JSON object.");
        }
        Map<?, ?> body = (Map<?, ?>) parsed;
        for (Object key : body.keySet()) {
            if (!MUTABLE_FIELDS.contains(key)) {
                throw GlanceError.badRequest("Attribute '" + key + "' of an image link cannot be changed.");
            }
        }
        Integer priority = body.containsKey("priority") ? priority(body.get("priority"), null) : null;
        if (body.containsKey("comment") && body.get("comment") != null && !(body.get("comment") instanceof String)) {
            throw GlanceError.badRequest("Attribute 'comment' must be a string or null.");
        }
        String comment = optionalString(body, "comment");
        Map<String, Object> view = state.locked(() -> {
            LinkRecord l = visibleLink(ex.identity(), linkId);
            ImageRecord image = state.images().get(l.imageId);
            if (image == null || !mayManage(ex.identity(), image)) {
                throw GlanceError.forbidden("You do not own image " + l.imageId + ".");
            }
            if (priority != null) {
                l.priority = priority;
            }
            if (body.containsKey("comment")) {
                l.comment = comment;
            }
            return view(l);
        });
        ex.sendJson(200, view);
    }

    /** {@code DELETE /v2/image-links/{linkid}} → 204. */
    public void delete(Exchange ex, String linkId) {
        state.locked(() -> {
            LinkRecord l = visibleLink(ex.identity(), linkId);
            ImageRecord image = state.images().get(l.imageId);
            if (image != null && !mayManage(ex.identity(), image)) {
                throw GlanceError.forbidden("You do not own image " + l.imageId + ".");
            }
            state.links().remove(linkId);
        });
        ex.sendEmpty(204);
    }

    private static String text(Map<?, ?> body, String name, boolean required) {
        Object v = body.get(name);
        if (v == null) {
            if (required) {
                throw GlanceError.badRequest("Attribute '" + name + "' is required.");
            }
            return null;
        }
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw GlanceError.badRequest("Attribute '" + name + "' must be a non-blank string.");
        }
        return (String) v;
    }

    private static String optionalString(Map<?, ?> body, String name) {
        Object v = body.get(name);
        if (v != null && !(v instanceof String)) {
            throw GlanceError.badRequest("Attribute '" + name + "' must be a string or null.");
        }
        return (String) v;
    }

    private static Integer priority(Object v, Integer dflt) {
        if (v == null) {
            if (dflt == null) {
                throw GlanceError.badRequest("Attribute 'priority' must be an integer.");
            }
            return dflt;
        }
        if (!Json.isInteger(v)) {
            throw GlanceError.badRequest("Attribute 'priority' must be an integer.");
        }
        return ((Number) v).intValue();
    }
}
