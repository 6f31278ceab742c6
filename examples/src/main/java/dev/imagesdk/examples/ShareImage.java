package dev.imagesdk.examples;

import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.members.Member;
import dev.imagesdk.members.Members;
import dev.imagesdk.members.Sharing;
import dev.imagesdk.testing.Identity;

import java.io.PrintStream;

/**
 * Example: share a private image with another project, which accepts it. Until it accepts, the
 * image is only an offer (not in its default list); afterwards it is part of its catalog.
 *
 * <p>{@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.ShareImage} (on a real cloud,
 * {@code OS_CLOUD} is the owner and {@code OS_CLOUD_OTHER} names the other project's clouds.yaml entry).
 */
public final class ShareImage {
    private ShareImage() {
    }

    /** Runs the example on your clouds or an embedded emulator (see {@link Examples}). */
    public static void main(String[] args) {
        try (Examples.Session session = Examples.session(System.out)) {
            ServiceClient other = session.as(Identity.member("example-other-project"), "OS_CLOUD_OTHER");
            run(session.client(), other, "example-other-project", System.out);
        }
    }

    /**
     * The example.
     *
     * @param owner the image owner's client
     * @param other the other project's client
     * @param otherProjectId the other project's id
     */
    public static void run(ServiceClient owner, ServiceClient other, String otherProjectId, PrintStream out) {
        Images ownerImages = Images.of(owner);
        Images otherImages = Images.of(other);

        Image image = ownerImages.create(CreateOpts.builder().name("example-golden").visibility(Visibility.PRIVATE).build());
        out.println("Owner created private image " + image.name());
        try {
            // A private image does not exist for other projects: 404, not 403.
            try {
                otherImages.get(image.id());
            } catch (NotFoundException expected) {
                out.println("Other project cannot see it yet (404)");
            }

            // Share: the image becomes 'shared' and the project is added as a pending member.
            Member offer = Sharing.share(ownerImages, Members.of(owner), image.id(), otherProjectId);
            out.println("Offered to " + offer.memberId() + ": " + offer.status().value()
                    + "; visibility now " + ownerImages.get(image.id()).visibility().value());

            // The other project finds the offer, but its default list does not show it yet.
            out.println("Pending offers seen by the other project: "
                    + Sharing.offers(otherImages, MemberStatus.PENDING).stream().filter(i -> i.id().equals(image.id())).count());
            out.println("In its default list before accepting: " + inDefaultList(otherImages, image.id()));

            // It accepts (with its own credentials): now the image is in its catalog.
            Member accepted = Members.of(other).update(image.id(), otherProjectId, MemberStatus.ACCEPTED);
            out.println("Other project answered: " + accepted.status().value());
            out.println("In its default list after accepting: " + inDefaultList(otherImages, image.id()));

            // The owner can withdraw the share at any time.
            Members.of(owner).remove(image.id(), otherProjectId);
            out.println("Owner removed the member; other project sees it: " + inDefaultList(otherImages, image.id()));
        } finally {
            ownerImages.delete(image.id());
            out.println("Deleted the image.");
        }
    }

    private static boolean inDefaultList(Images images, String id) {
        return images.list().stream().anyMatch(i -> i.id().equals(id));
    }
}
