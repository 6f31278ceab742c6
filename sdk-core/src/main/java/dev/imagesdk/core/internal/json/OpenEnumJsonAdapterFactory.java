package dev.imagesdk.core.internal.json;

import dev.imagesdk.core.types.OpenEnum;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Set;

/** Reads and writes every {@link OpenEnum} subtype as its plain string value, through its static {@code of(String)}. */
final class OpenEnumJsonAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty()) {
            return null;
        }
        Class<?> raw = Types.getRawType(type);
        if (!OpenEnum.class.isAssignableFrom(raw) || raw == OpenEnum.class) {
            return null;
        }
        Method of;
        try {
            of = raw.getMethod("of", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(raw.getName() + " must declare public static of(String)", e);
        }
        if (!Modifier.isStatic(of.getModifiers())) {
            throw new IllegalArgumentException(raw.getName() + ".of(String) must be static");
        }
        if (!of.canAccess(null)) {
            of.trySetAccessible();   // an open enum declared in a non-public class
        }
        return new JsonAdapter<OpenEnum>() {
            @Override
            public OpenEnum fromJson(JsonReader reader) throws IOException {
                if (reader.peek() == JsonReader.Token.NULL) {
                    return reader.nextNull();
                }
                String value = reader.nextString();
                try {
                    return (OpenEnum) of.invoke(null, value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot create " + raw.getSimpleName() + " from " + value, e);
                }
            }

            @Override
            public void toJson(JsonWriter writer, OpenEnum value) throws IOException {
                if (value == null) {
                    writer.nullValue();
                } else {
                    writer.value(value.value());
                }
            }
        }.nullSafe();
    }
}
