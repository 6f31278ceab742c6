package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.links.internal.glance.OwnershipEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Glance image read with its organization ownership and provenance as typed fields (decoded from the image's
 * {@code imagesdk:org} and {@code imagesdk:provenance} properties, encoding version 1 in the module's README).
 * Metadata that does not follow the encoding never fails a read: it is named in {@link #decodingProblems()}.
 */
public final class OrganizationImage {
    private final Image image;
    private final String organization;
    private final Provenance provenance;
    private final List<String> problems;

    private OrganizationImage(Image image, String organization, Provenance provenance, List<String> problems) {
        this.image = image;
        this.organization = organization;
        this.provenance = provenance;
        this.problems = List.copyOf(problems);
    }

    /** Decodes ownership and provenance from an image as Glance returned it. */
    public static OrganizationImage of(Image image) {
        Arguments.notNull(image, "image");
        Map<String, Object> props = image.properties();
        List<String> problems = new ArrayList<>();
        String org = null;
        Object o = props.get(OwnershipEncoding.ORG_KEY);
        if (o instanceof String s && !s.isEmpty()) {
            org = s;
        } else if (o != null) {
            problems.add("imagesdk:org is not a non-empty string");
        }
        Provenance provenance = null;
        Object p = props.get(OwnershipEncoding.PROVENANCE_KEY);
        if (p != null) {
            OwnershipEncoding.Decoded d = OwnershipEncoding.decodeProvenance(p instanceof String s ? s : null);
            problems.addAll(d.problems());
            if (d.source() != null) {
                Optional<Provenance.Source> source = Provenance.Source.ofWireValue(d.source());
                if (source.isPresent()) {
                    provenance = new Provenance(source.get(), d.by(), d.from());
                } else {
                    problems.add("imagesdk:provenance: source \"" + d.source() + "\" is not known to this SDK");
                }
            }
        } else if ("snapshot".equals(props.get("image_type"))) {
            Object user = props.get("user_id");
            provenance = new Provenance(Provenance.Source.SNAPSHOT, user instanceof String u ? u : null, null);
        }
        return new OrganizationImage(image, org, provenance, problems);
    }

    /** The Glance image. */
    public Image image() {
        return image;
    }

    /** The id of the image. */
    public String id() {
        return image.id();
    }

    /** The organization that owns the image, empty when none does. */
    public Optional<String> organization() {
        return Optional.ofNullable(organization);
    }

    /** Whether {@code orgSlug} owns the image. */
    public boolean isOwnedBy(String orgSlug) {
        Arguments.notNull(orgSlug, "organization");
        return organization != null && organization.equals(orgSlug);
    }

    /** Where the image came from and who brought it, when recorded (or when Nova marked it a snapshot). */
    public Optional<Provenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    /** What in the ownership metadata did not follow the encoding; empty when all did. */
    public List<String> decodingProblems() {
        return problems;
    }

    @Override
    public String toString() {
        return "OrganizationImage{" + image.id() + ", organization=" + organization + ", provenance=" + provenance
                + (problems.isEmpty() ? "" : ", problems=" + problems) + "}";
    }
}
