package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.ArgumentProbe;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public method of the metadefs clients refuses null, empty, blank and dot input with ValidationException, before any request. */
class MetadefsArgumentsTest {
    private final ServiceClient unreachable = ArgumentProbe.unreachableClient();

    private ArgumentProbe probe() {
        Map<Class<?>, Supplier<Object>> samples = new HashMap<>();
        samples.put(String.class, () -> "OS::Compute::Libvirt");
        samples.put(ServiceClient.class, () -> unreachable);
        samples.put(List.class, () -> List.of("t1"));
        samples.put(NamespaceListOpts.class, NamespaceListOpts::defaults);
        samples.put(NamespaceCreateOpts.class, () -> NamespaceCreateOpts.builder("n").build());
        samples.put(NamespaceUpdateOpts.class, () -> NamespaceUpdateOpts.builder("n").build());
        samples.put(MetadefObject.class, () -> MetadefObject.builder("o").build());
        samples.put(PropertyDefinition.class, () -> PropertyDefinition.builder("p", "string", "P").build());
        samples.put(ResourceTypeAssociation.class, () -> ResourceTypeAssociation.builder("OS::Glance::Image").build());
        return new ArgumentProbe(samples);
    }

    @Test
    void metadefClientsRefuseBadInput() {
        // a resource type filter only goes into the query (resource_type=...)
        ArgumentProbe probe = probe().dotsAllowed("get", 1);
        assertThat(probe.violations(MetadefNamespaces.class, MetadefNamespaces.of(unreachable))).isEmpty();
        assertThat(probe.violations(MetadefResourceTypes.class, MetadefResourceTypes.of(unreachable))).isEmpty();
        assertThat(probe.violations(MetadefObjects.class, MetadefObjects.of(unreachable))).isEmpty();
        assertThat(probe.violations(MetadefTags.class, MetadefTags.of(unreachable))).isEmpty();
        ArgumentProbe properties = probe().dotsAllowed("get", 2);
        assertThat(properties.violations(MetadefProperties.class, MetadefProperties.of(unreachable))).isEmpty();
        for (Class<?> c : List.of(MetadefNamespaces.class, MetadefObjects.class, MetadefProperties.class, MetadefTags.class,
                MetadefResourceTypes.class)) {
            assertThat(probe.violations(c, null)).as("of(null)").isEmpty();
        }
        assertThat(probe.probed().size() + properties.probed().size()).isGreaterThanOrEqualTo(30);
    }
}
