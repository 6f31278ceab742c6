package dev.imagesdk.core.it;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls every public method of an API class with one argument at a time made null (and, for
 * strings, empty, blank, {@code .} and {@code ..}), the others valid, and reports each call that did not fail with
 * {@link ValidationException}. Clients under test point at a closed port, so a call that sent a
 * request ends in a {@code TransportException} and is reported too: bad input must be refused
 * before anything goes on the wire.
 */
public final class ArgumentProbe {
    private final Map<Class<?>, Supplier<Object>> samples;
    private final List<String> probed = new ArrayList<>();
    private final java.util.Set<String> dotsAllowed = new java.util.HashSet<>();

    /** @param samples a valid value for each parameter type the probed methods take */
    public ArgumentProbe(Map<Class<?>, Supplier<Object>> samples) {
        this.samples = samples;
    }

    /** A client whose endpoint refuses connections: any request it sends fails with a transport error. */
    public static ServiceClient unreachableClient() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ServiceClient.builder().endpoint("http://127.0.0.1:" + port).retryPolicy(RetryPolicy.none()).build();
    }

    /**
     * Declares that string parameter {@code index} of the methods named {@code method} is not an id
     * and never goes into a URL path, so {@code .} and {@code ..} are valid values for it (a name, a
     * free-text filter); the probe then only tries null, empty and blank there.
     */
    public ArgumentProbe dotsAllowed(String method, int index) {
        dotsAllowed.add(method + "#" + index);
        return this;
    }

    /** Method signatures probed so far (for a test to check it covered what it meant to). */
    public List<String> probed() {
        return List.copyOf(probed);
    }

    /**
     * Probes the public methods declared by {@code type}: instance methods on {@code target}, static
     * ones when {@code target} is {@code null}. Methods named in {@code exempt} are skipped.
     *
     * @return one line per call that did not throw {@link ValidationException}
     */
    public List<String> violations(Class<?> type, Object target, String... exempt) {
        List<String> out = new ArrayList<>();
        List<String> skip = Arrays.asList(exempt);
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::toString));
        for (Method m : methods) {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || skip.contains(m.getName())
                    || (target == null) != isStatic) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            Object[] valid = new Object[types.length];
            boolean complete = true;
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    valid[i] = types[i] == boolean.class ? Boolean.FALSE : types[i] == long.class ? 1L : types[i] == int.class ? 1 : null;
                    complete &= valid[i] != null;
                } else {
                    Supplier<Object> s = samples.get(types[i]);
                    if (s == null) {
                        complete = false;
                    } else {
                        valid[i] = s.get();
                    }
                }
            }
            if (!complete) {
                out.add("no sample for a parameter of " + m);
                continue;
            }
            probed.add(m.toString());
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                expectValidation(m, target, valid, i, null, out);
                if (types[i] == String.class) {
                    expectValidation(m, target, valid, i, "", out);
                    expectValidation(m, target, valid, i, "   ", out);
                    if (!dotsAllowed.contains(m.getName() + "#" + i)) {
                        // "." and ".." would change the request's path if sent as a segment
                        expectValidation(m, target, valid, i, ".", out);
                        expectValidation(m, target, valid, i, "..", out);
                    }
                }
            }
        }
        return out;
    }

    private static void expectValidation(Method m, Object target, Object[] valid, int index, Object bad, List<String> out) {
        Object[] args = valid.clone();
        args[index] = bad;
        String call = m.getDeclaringClass().getSimpleName() + "." + m.getName() + " with argument " + index + " = "
                + (bad == null ? "null" : "\"" + bad + "\"");
        try {
            Object result = m.invoke(target, args);
            out.add(call + " returned " + result + " instead of refusing");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof ValidationException)) {
                out.add(call + " threw " + cause);
            }
        } catch (IllegalAccessException e) {
            out.add(call + " could not be invoked: " + e);
        }
    }
}
