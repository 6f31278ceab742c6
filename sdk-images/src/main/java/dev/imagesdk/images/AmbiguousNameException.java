package dev.imagesdk.images;

import dev.imagesdk.images.model.Image;

import dev.imagesdk.core.error.ImageServiceException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Images#find(String)} found several images with the name it was given; Glance does not
 * require names to be unique. Use one of the {@link #candidates()}' ids instead.
 */
public class AmbiguousNameException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient List<Image> candidates;

    /**
     * @param name the name that was looked up
     * @param candidates the images carrying it (at least two)
     */
    public AmbiguousNameException(String name, List<Image> candidates) {
        super(candidates.size() + " images are named \"" + name + "\": "
                + candidates.stream().map(Image::id).collect(Collectors.joining(", ")));
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    /** The name that was looked up. */
    public String name() {
        return name;
    }

    /** The images with that name, in the order the server listed them (newest first). */
    public List<Image> candidates() {
        return candidates == null ? List.of() : candidates;
    }
}
