package dev.imagesdk.core.paging;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public paging types name no implementation type: listings are built by the SDK's internal factory. */
class PagingApiTest {
    @Test
    void pagedIsAnInterfaceAndNeitherTypeExposesInternalOrLibraryTypes() {
        assertThat(Paged.class.isInterface()).isTrue();
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(Paged.class, Page.class)) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == Object.class) {
                    continue;
                }
                check(type.getSimpleName() + "." + m.getName(), m.getGenericReturnType(), leaks);
                for (Type p : m.getGenericParameterTypes()) {
                    check(type.getSimpleName() + "." + m.getName(), p, leaks);
                }
            }
            for (Constructor<?> c : type.getConstructors()) {
                for (Type p : c.getGenericParameterTypes()) {
                    check(type.getSimpleName() + ".<init>", p, leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(Modifier.isPublic(Page.class.getModifiers())).isTrue();
    }

    private static void check(String where, Type type, List<String> leaks) {
        String name = type.getTypeName();
        if (name.contains(".internal.") || name.startsWith("okhttp3.") || name.startsWith("okio.") || name.startsWith("com.squareup.moshi.")) {
            leaks.add(where + ": " + name);
        }
    }
}
