package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.LinkRecord;
import dev.imagesdk.testing.internal.emulator.store.MemberRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Image metadata: create, show, list, JSON-patch update, delete, tags, deactivate/reactivate, members. */
public final class ImagesApi {
    static final String PATCH_V21 = "application/openstack-images-v2.1-json-patch";
    static final String PATCH_V20 = "application/openstack-images-v2.0-json-patch";

    private final EmulatorState state;
    private final StoresConfig stores;
    private final Quotas quotas;

    /** The image record endpoints over {@code state}, enforcing {@code quotas}. */
    public ImagesApi(EmulatorState state, StoresConfig stores, Quotas quotas) {
        this.state = state;
        this.stores = stores;
        this.quotas = quotas;
    }

    /** Custom properties Glance counts against {@code image_property_quota} (not its reserved {@code os_glance_*}). */
    static long countedProperties(ImageRecord r) {
        return r.properties.keySet().stream().filter(k -> !k.startsWith("os_glance")).count();
    }

    /** {@code OpenStack-image-store-ids}: the stores, plus Glance's internal ones once data went through them. */
    String storeIdsHeader() {
        List<String> ids = new ArrayList<>(stores.announced());
        if (state.dataHandled()) {
            ids.addAll(StoresConfig.INTERNAL);
        }
        return String.join(",", ids);
    }

    /** The image {@code id} if {@code who} may see it, else 404 "No image found with ID …". Lock held. */
    ImageRecord visible(Caller who, String id) {
        ImageRecord r = state.images().get(id);
        if (r == null || !Policy.canSee(who, r)) {
            throw GlanceError.notFound("No image found with ID " + id);
        }
        return r;
    }

    /** {@code POST /v2/images} → 201, absolute {@code Location}, import-method and store headers. */
    public void create(Exchange ex) {
        Caller who = ex.identity();
        Object parsed = Json.parse(ex.bodyText());
        if (!(parsed instanceof Map)) {
            throw GlanceError.badRequest("Provided object does not match schema 'image': body must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) parsed;
        for (String key : body.keySet()) {
            ImageSchema.checkWritable(key);
        }
        Object owner = body.get("owner");
        if (owner instanceof String && !who.isAdmin() && !owner.equals(who.projectId())) {
            throw GlanceError.forbidden("You are not permitted to create images owned by '" + owner + "'.");
        }
        Object requestedId = body.get("id");
        ImageRecord draft = new ImageRecord(requestedId instanceof String ? (String) requestedId : EmulatorState.newId());
        draft.owner = who.projectId();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (e.getKey().equals("visibility")) {
                continue;
            }
            ImageSchema.apply(who, draft, e.getKey(), e.getValue());
        }
        if (body.containsKey("visibility")) {
            ImageSchema.apply(who, draft, "visibility", body.get("visibility"));
        }
        quotas.checkTags(draft.tags.size());
        quotas.checkProperties(countedProperties(draft));
        Map<String, Object> view = state.locked(() -> {
            if (state.images().containsKey(draft.id) || state.deletedImageIds().contains(draft.id)) {
                throw GlanceError.conflict("Image ID " + draft.id + " already exists!");
            }
            draft.createdAt = state.now();
            draft.updatedAt = draft.createdAt;
            state.images().put(draft.id, draft);
            return Views.image(draft, state, null, who.isAdmin());
        });
        ex.responseHeader("Location", ex.baseUrl() + "/v2/images/" + draft.id);
        ex.responseHeader("OpenStack-image-import-methods", String.join(",", stores.importMethods()));
        ex.responseHeader("OpenStack-image-store-ids", storeIdsHeader());
        ex.sendJson(201, view);
    }

    /** {@code GET /v2/images/{id}}. */
    public void show(Exchange ex, String id) {
        Map<String, Object> view = state.locked(() -> Views.image(visible(ex.identity(), id), state, null,
                ex.identity().isAdmin()));
        ex.sendJson(200, view);
    }

    /** {@code GET /v2/images}. */
    public void list(Exchange ex) {
        Map<String, Object> body = state.locked(() -> ImageListing.list(ex.identity(), ex.query(), state));
        ex.sendJson(200, body);
    }

    /** {@code PATCH /v2/images/{id}} with a JSON patch (RFC 6902 or the legacy draft-10 media type). */
    public void patch(Exchange ex, String id) {
        String mediaType = ex.contentType();
        if (!mediaType.equals(PATCH_V21) && !mediaType.equals(PATCH_V20)) {
            throw GlanceError.raw(415, "The request media type " + (mediaType.isEmpty() ? "None" : mediaType)
                    + " is not supported by this server.\n<br /><br />\n")
                    .header("Accept-Patch", PATCH_V20 + ", " + PATCH_V21);
        }
        List<ImagePatch.Op> ops = ImagePatch.parse(Json.parse(ex.bodyText()), mediaType.equals(PATCH_V20),
                state.showsLocations());
        Map<String, UrlProbe> probes = probeLocationUrls(ops);
        Caller who = ex.identity();
        Map<String, Object> view = state.locked(() -> {
            ImageRecord r = visible(who, id);
            Policy.requireOwner(who, r);
            boolean onLocations = ops.stream().anyMatch(ImagePatch.Op::onLocations);
            LocationPatch locations = onLocations ? new LocationPatch(r, state, quotas, probes) : null;
            ImagePatch.apply(who, r, ops, quotas, locations);
            if (locations != null) {
                locations.commit();
            }
            r.updatedAt = state.now();
            return Views.image(r, state, locations == null ? null : locations.view(), who.isAdmin());
        });
        ex.sendJson(200, view);
    }

    /** The sizes of the http(s) urls that location ops add, read before the lock is taken (network I/O). */
    private static Map<String, UrlProbe> probeLocationUrls(List<ImagePatch.Op> ops) {
        Map<String, UrlProbe> probes = new LinkedHashMap<>();
        for (ImagePatch.Op op : ops) {
            if (!op.onLocations() || op.op().equals("remove")) {
                continue;
            }
            List<?> values = op.op().equals("add") ? List.of(op.value()) : (List<?>) op.value();
            for (Object v : values) {
                String url = (String) ((Map<?, ?>) v).get("url");
                probes.computeIfAbsent(url, UrlProbe::of);
            }
        }
        return probes;
    }

    /** {@code DELETE /v2/images/{id}} → 204; 403 when protected or not owned; removes data, members, links. */
    public void delete(Exchange ex, String id) {
        Caller who = ex.identity();
        ImageRecord removed = state.locked(() -> {
            ImageRecord r = state.images().get(id);
            if (r == null || !Policy.canSee(who, r)) {
                throw GlanceError.notFound("Failed to find image " + id + " to delete");
            }
            Policy.requireOwner(who, r);
            if (r.isProtected) {
                throw GlanceError.forbidden("Image " + id + " is protected and cannot be deleted.");
            }
            state.images().remove(id);
            state.deletedImageIds().add(id);
            state.cached().remove(id);
            state.cacheQueue().remove(id);
            state.links().values().removeIf((LinkRecord l) -> l.imageId.equals(id));
            return r;
        });
        if (!removed.transferring) {
            EmulatorState.deleteQuietly(removed.dataFile);
            if (removed.staged != null) {
                EmulatorState.deleteQuietly(removed.staged.file());
            }
        }
        ex.sendEmpty(204);
    }

    /** {@code PUT /v2/images/{id}/tags/{tag}} → 204 (idempotent). */
    public void addTag(Exchange ex, String id, String tag) {
        if (tag.length() > 255) {
            ImageSchema.tags(List.of(tag)); // Glance validates the image with the tag: a schema error
        }
        state.locked(() -> {
            ImageRecord r = visible(ex.identity(), id);
            requireTagOwner(ex.identity(), r, "update");
            if (!r.tags.contains(tag)) {
                quotas.checkAddedTag(id, r.tags.size() + 1L);
            }
            r.tags.add(tag);
            r.updatedAt = state.now();
        });
        ex.sendEmpty(204);
    }

    /** 403 "Not allowed to update|delete tags for image …" unless owner or admin (Glance's tag endpoints' words). */
    private static void requireTagOwner(Caller who, ImageRecord r, String verb) {
        if (!who.isAdmin() && !Policy.owns(who, r)) {
            throw GlanceError.forbidden("Not allowed to " + verb + " tags for image " + r.id + ".");
        }
    }

    /** {@code DELETE /v2/images/{id}/tags/{tag}} → 204, 404 when the tag is missing. */
    public void removeTag(Exchange ex, String id, String tag) {
        state.locked(() -> {
            ImageRecord r = visible(ex.identity(), id);
            requireTagOwner(ex.identity(), r, "delete");
            if (!r.tags.remove(tag)) {
                throw GlanceError.notFound("The resource could not be found.");
            }
            r.updatedAt = state.now();
        });
        ex.sendEmpty(204);
    }

    /** {@code POST /v2/images/{id}/actions/deactivate|reactivate} → 204. */
    public void action(Exchange ex, String id, String action) {
        state.locked(() -> {
            ImageRecord r = visible(ex.identity(), id);
            if (!ex.identity().isAdmin() && !Policy.owns(ex.identity(), r)) {
                throw GlanceError.policy(action);
            }
            boolean deactivate = action.equals("deactivate");
            if (!Set.of("active", "deactivated").contains(r.status)) {
                throw GlanceError.forbidden("Not allowed to " + action + " image in status '" + r.status + "'");
            }
            r.status = deactivate ? "deactivated" : "active";
            r.updatedAt = state.now();
        });
        ex.sendEmpty(204);
    }

    // ---- members -------------------------------------------------------------------------------

    /** {@code POST /v2/images/{id}/members} → 200 (not 201), only the owner of a shared image. */
    public void addMember(Exchange ex, String id) {
        Object parsed = Json.parse(ex.bodyText());
        Object member = parsed instanceof Map ? ((Map<?, ?>) parsed).get("member") : null;
        if (!(member instanceof String) || ((String) member).isBlank()) {
            throw GlanceError.badRequest("Member to be added not specified");
        }
        String memberId = (String) member;
        Map<String, Object> view = state.locked(() -> {
            ImageRecord r = visible(ex.identity(), id);
            if (!Policy.owns(ex.identity(), r) && !ex.identity().isAdmin() || !r.visibility.equals("shared")) {
                throw GlanceError.forbidden("Not allowed to create members for image " + id + ".");
            }
            quotas.checkMembers(id, r.members.size() + 1L);
            if (r.members.containsKey(memberId)) {
                throw GlanceError.conflict("Member " + memberId + " is duplicated for image " + id);
            }
            MemberRecord m = new MemberRecord(id, memberId, state.now());
            r.members.put(memberId, m);
            return Views.member(m);
        });
        ex.sendJson(200, view);
    }

    private ImageRecord sharedImage(Exchange ex, String id, String verb) {
        ImageRecord r = visible(ex.identity(), id);
        if (!r.visibility.equals("shared")) {
            throw GlanceError.forbidden("Not allowed to " + verb + " members for image " + id
                    + ": Only shared images have members.");
        }
        return r;
    }

    /** {@code GET /v2/images/{id}/members}: the owner sees all, a member only itself. */
    public void listMembers(Exchange ex, String id) {
        Map<String, Object> body = state.locked(() -> {
            ImageRecord r = sharedImage(ex, id, "list");
            List<Object> out = new ArrayList<>();
            for (MemberRecord m : r.members.values()) {
                if (ex.identity().isAdmin() || Policy.owns(ex.identity(), r)
                        || m.memberId.equals(ex.identity().projectId())) {
                    out.add(Views.member(m));
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("members", out);
            doc.put("schema", "/v2/schemas/members");
            return doc;
        });
        ex.sendJson(200, body);
    }

    private MemberRecord member(Exchange ex, ImageRecord r, String memberId) {
        MemberRecord m = r.members.get(memberId);
        boolean mayKnow = ex.identity().isAdmin() || Policy.owns(ex.identity(), r)
                || memberId.equals(ex.identity().projectId());
        if (m == null || !mayKnow) {
            throw GlanceError.notFound(memberId + " not found in the member list of the image " + r.id + ".");
        }
        return m;
    }

    /** {@code GET /v2/images/{id}/members/{member}}. */
    public void showMember(Exchange ex, String id, String memberId) {
        Map<String, Object> view = state.locked(() -> {
            ImageRecord r = sharedImage(ex, id, "show");
            return Views.member(member(ex, r, memberId));
        });
        ex.sendJson(200, view);
    }

    /** {@code PUT /v2/images/{id}/members/{member}}: only the member itself changes its status. */
    public void updateMember(Exchange ex, String id, String memberId) {
        Object parsed = Json.parse(ex.bodyText());
        Object status = parsed instanceof Map ? ((Map<?, ?>) parsed).get("status") : null;
        if (!"pending".equals(status) && !"accepted".equals(status) && !"rejected".equals(status)) {
            throw GlanceError.badRequest("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
        }
        Map<String, Object> view = state.locked(() -> {
            ImageRecord r = sharedImage(ex, id, "update");
            MemberRecord m = member(ex, r, memberId);
            if (!memberId.equals(ex.identity().projectId())) {
                throw GlanceError.forbidden("Not allowed to update members for image " + id + ".");
            }
            m.status = (String) status;
            m.updatedAt = state.now();
            return Views.member(m);
        });
        ex.sendJson(200, view);
    }

    /** {@code DELETE /v2/images/{id}/members/{member}} → 204, owner only. */
    public void removeMember(Exchange ex, String id, String memberId) {
        state.locked(() -> {
            ImageRecord r = sharedImage(ex, id, "delete");
            MemberRecord m = member(ex, r, memberId);
            if (!ex.identity().isAdmin() && !Policy.owns(ex.identity(), r)) {
                throw GlanceError.forbidden("Not allowed to delete members for image " + id + ".");
            }
            r.members.remove(m.memberId);
        });
        ex.sendEmpty(204);
    }
}
