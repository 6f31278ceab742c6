package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.testing.internal.emulator.auth.Authenticator;
import dev.imagesdk.testing.internal.emulator.glance.ImageDataApi;
import dev.imagesdk.testing.internal.emulator.glance.ImagesApi;
import dev.imagesdk.testing.internal.emulator.glance.ServiceApi;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.Exchanges;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.links.LinksApi;
import dev.imagesdk.testing.internal.emulator.metadefs.MetadefsApi;

import java.util.List;

/** Which handler answers which method and path, with Glance's 404 and 405 answers. */
final class Routes {
    private final ImagesApi images;
    private final ImageDataApi data;
    private final ServiceApi service;
    private final LinksApi links;
    private final MetadefsApi metadefs;

    Routes(ImagesApi images, ImageDataApi data, ServiceApi service, LinksApi links, MetadefsApi metadefs) {
        this.images = images;
        this.data = data;
        this.service = service;
        this.links = links;
        this.metadefs = metadefs;
    }

    private static GlanceError notFound() {
        return GlanceError.notFound("The resource could not be found.");
    }

    private static GlanceError notAllowed(Exchange ex, String allow) {
        return GlanceError.raw(405, "The method " + ex.method() + " is not allowed for this resource. <br /><br />\n")
                .header("Allow", allow);
    }

    void dispatch(Exchange ex, Authenticator auth) {
        List<String> s = ex.segments();
        String m = ex.method();
        if (s.isEmpty() || s.size() == 1 && s.get(0).isEmpty()) {
            if (m.equals("GET")) {
                service.versions(ex, 300);
                return;
            }
            throw notAllowed(ex, "GET");
        }
        if (s.size() == 1 && s.get(0).equals("versions")) {
            service.versions(ex, 200);
            return;
        }
        if (s.size() == 1 && s.get(0).equals("healthcheck")) {
            service.healthcheck(ex);
            return;
        }
        Exchanges.authenticated(ex, auth.authenticate(ex));
        if (!s.get(0).equals("v2")) {
            throw notFound();
        }
        if (s.size() == 1) {
            ex.responseHeader("Location", ex.baseUrl() + "/v2/");
            ex.sendEmpty(302);
            return;
        }
        List<String> r = s.subList(1, s.size());
        switch (r.get(0)) {
            case "images":
                imagesRoutes(ex, m, r);
                return;
            case "schemas":
                if (r.size() == 3 && r.get(1).equals("metadefs")) {
                    metadefs.schema(ex, r.get(2));
                    return;
                }
                if (r.size() == 2 && m.equals("GET")) {
                    service.schema(ex, r.get(1));
                    return;
                }
                throw r.size() == 2 ? notAllowed(ex, "GET") : notFound();
            case "info":
                infoRoutes(ex, m, r);
                return;
            case "tasks":
                if (r.size() == 1 && m.equals("POST")) {
                    data.createTask(ex);
                } else if (r.size() == 1) {
                    require(ex, "GET", "POST");
                    service.listTasks(ex);
                } else if (r.size() == 2) {
                    require(ex, "GET");
                    service.showTask(ex, r.get(1));
                } else {
                    throw notFound();
                }
                return;
            case "cache":
                cacheRoutes(ex, m, r);
                return;
            case "stores":
                if (r.size() == 3) {
                    require(ex, "DELETE");
                    data.deleteFromStore(ex, r.get(1), r.get(2));
                    return;
                }
                throw notFound();
            case "metadefs":
                metadefs.dispatch(ex, r);
                return;
            case "image-links":
                linkRoutes(ex, m, r);
                return;
            default:
                throw notFound();
        }
    }

    private static void require(Exchange ex, String... allowed) {
        for (String a : allowed) {
            if (a.equals(ex.method())) {
                return;
            }
        }
        throw notAllowed(ex, String.join(", ", allowed));
    }

    private void imagesRoutes(Exchange ex, String m, List<String> r) {
        if (r.size() == 1) {
            require(ex, "GET", "POST");
            if (m.equals("GET")) {
                images.list(ex);
            } else {
                images.create(ex);
            }
            return;
        }
        String id = r.get(1);
        if (r.size() == 2) {
            require(ex, "GET", "PATCH", "DELETE");
            switch (m) {
                case "GET": images.show(ex, id); return;
                case "PATCH": images.patch(ex, id); return;
                default: images.delete(ex, id); return;
            }
        }
        String sub = r.get(2);
        if (r.size() == 3) {
            switch (sub) {
                case "file":
                    require(ex, "GET", "PUT");
                    if (m.equals("GET")) {
                        data.download(ex, id);
                    } else {
                        data.upload(ex, id);
                    }
                    return;
                case "stage":
                    require(ex, "PUT");
                    data.stage(ex, id);
                    return;
                case "import":
                    require(ex, "POST");
                    data.importImage(ex, id);
                    return;
                case "tasks":
                    require(ex, "GET");
                    service.imageTasks(ex, id);
                    return;
                case "links":
                    require(ex, "GET");
                    links.forImage(ex, id);
                    return;
                case "members":
                    require(ex, "GET", "POST");
                    if (m.equals("GET")) {
                        images.listMembers(ex, id);
                    } else {
                        images.addMember(ex, id);
                    }
                    return;
                default:
                    throw notFound();
            }
        }
        if (r.size() == 4) {
            String arg = r.get(3);
            switch (sub) {
                case "tags":
                    require(ex, "PUT", "DELETE");
                    if (m.equals("PUT")) {
                        images.addTag(ex, id, arg);
                    } else {
                        images.removeTag(ex, id, arg);
                    }
                    return;
                case "actions":
                    if (!arg.equals("deactivate") && !arg.equals("reactivate")) {
                        throw notFound();
                    }
                    require(ex, "POST");
                    images.action(ex, id, arg);
                    return;
                case "members":
                    require(ex, "GET", "PUT", "DELETE");
                    switch (m) {
                        case "GET": images.showMember(ex, id, arg); return;
                        case "PUT": images.updateMember(ex, id, arg); return;
                        default: images.removeMember(ex, id, arg); return;
                    }
                default:
                    throw notFound();
            }
        }
        throw notFound();
    }

    private void infoRoutes(Exchange ex, String m, List<String> r) {
        String path = String.join("/", r.subList(1, r.size()));
        switch (path) {
            case "import":
                require(ex, "GET");
                service.importInfo(ex);
                return;
            case "stores":
                require(ex, "GET");
                service.storesInfo(ex, false);
                return;
            case "stores/detail":
                require(ex, "GET");
                service.storesInfo(ex, true);
                return;
            case "usage":
                require(ex, "GET");
                service.usage(ex);
                return;
            default:
                throw notFound();
        }
    }

    private void cacheRoutes(Exchange ex, String m, List<String> r) {
        if (r.size() == 1) {
            require(ex, "GET", "DELETE");
            if (m.equals("GET")) {
                service.cacheList(ex);
            } else {
                service.cacheDelete(ex, null);
            }
            return;
        }
        if (r.size() == 2) {
            require(ex, "PUT", "DELETE");
            if (m.equals("PUT")) {
                service.cacheQueue(ex, r.get(1));
            } else {
                service.cacheDelete(ex, r.get(1));
            }
            return;
        }
        throw notFound();
    }

    private void linkRoutes(Exchange ex, String m, List<String> r) {
        if (r.size() == 1) {
            require(ex, "GET", "POST");
            if (m.equals("GET")) {
                links.list(ex);
            } else {
                links.create(ex);
            }
            return;
        }
        if (r.size() == 2) {
            require(ex, "GET", "PATCH", "DELETE");
            switch (m) {
                case "GET": links.show(ex, r.get(1)); return;
                case "PATCH": links.update(ex, r.get(1)); return;
                default: links.delete(ex, r.get(1)); return;
            }
        }
        throw notFound();
    }
}
