package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.Images;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.PublishedImage;
import dev.imagesdk.links.Scope;
import dev.imagesdk.testing.Identity;

import java.io.PrintStream;

/**
 * Example: publish an image to a space with image links. A link makes an image available globally
 * (no organization, no space), to an organization, or to a space; users see the links of the
 * organizations and spaces where they hold an active role.
 *
 * <p>{@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.PublishWithLinks} (on a
 * real service, {@code OS_CLOUD_MEMBER} and {@code OS_CLOUD_OUTSIDER} name the two other callers).
 */
public final class PublishWithLinks {
    private PublishWithLinks() {
    }

    /** Runs the example on your service or an embedded emulator (see {@link Examples}). */
    public static void main(String[] args) {
        try (Examples.Session session = Examples.session(System.out)) {
            // On the emulator: a publisher active in space acme/ml-lab, a lab member, an outsider.
            ServiceClient publisher = session.as(Identity.builder().project("publisher").space("acme", "ml-lab")
                    .organization("acme").build(), "OS_CLOUD");
            ServiceClient member = session.as(Identity.builder().project("lab").space("acme", "ml-lab").build(),
                    "OS_CLOUD_MEMBER");
            ServiceClient outsider = session.as(Identity.builder().project("elsewhere").organization("globex").build(),
                    "OS_CLOUD_OUTSIDER");
            run(publisher, member, outsider, System.out);
        }
    }

    /** The example: publish to a space, add an organization link, see who sees what, clean up. */
    public static void run(ServiceClient publisher, ServiceClient member, ServiceClient outsider, PrintStream out) {
        ImageLinks links = ImageLinks.of(publisher);

        // 1. Image and space link in one call: if the link fails, the image is deleted again.
        PublishedImage published = links.publish(CreateOpts.builder().name("jupyter-ml").build(),
                Scope.space("acme", "ml-lab"));
        String imageId = published.image().id();
        out.println("Published " + published.image().name() + " with " + published.links().size() + " link: "
                + published.links().get(0).scope());

        // 2. More links for the same image: one for the whole organization, with a priority and a comment.
        ImageLink orgLink = links.create(LinkCreateOpts.builder(imageId, Scope.organization("acme"))
                .priority(10).comment("for everyone in acme").build());
        out.println("Added " + orgLink.scope() + " link, priority " + orgLink.priority());
        try {
            // 3. Each caller sees only the links that apply to them.
            out.println("Lab member sees " + ImageLinks.of(member).list().stream()
                    .filter(l -> l.imageId().equals(imageId)).count() + " link(s) of the image");
            out.println("Outsider sees " + ImageLinks.of(outsider).list().stream()
                    .filter(l -> l.imageId().equals(imageId)).count() + " link(s) of the image");

            // 4. All links of one image, as the publisher sees them (a heading, so the list is not read as the outsider's).
            java.util.List<ImageLink> all = links.listForImage(imageId);
            out.println("Publisher's view, all " + all.size() + " link(s) of the image:");
            for (ImageLink l : all) {
                out.println("  " + l.scope() + ", priority " + l.priority()
                        + (l.comment() != null ? " (" + l.comment() + ")" : ""));
            }
        } finally {
            // 5. Clean up: the links, then the image.
            for (ImageLink l : links.listForImage(imageId)) {
                links.delete(l.linkId());
            }
            Images.of(publisher).delete(imageId);
            out.println("Deleted the links and the image.");
        }
    }
}
