/**
 * Driver for the Java clients of OpenAPI Generator 4.3.1 (`java`, library `native`: java.net.http + Jackson; one
 * `XxxApi` class per tag whose methods return the model and throw `ApiException` with the status on non-2xx).
 * Compiled with the client (`javac -parameters`) and run as
 *   java -cp CLASSES:JARS SpecdriftDriver input.json output.json
 * input:  { baseUrl, headers, timeoutMs, invokerPackage, calls: [{ operationId, container, symbol, args }] }
 *         container: the fully qualified API class; args: one JSON value per Java parameter (null = not set).
 * output: [{ operationId, outcome, status?, decoded?, error?, ms }]
 *
 * Kept as Java text that uses reflection only: the same program drives every generated client, arguments are
 * converted to the declared parameter types by the client's own ObjectMapper, and `decoded` is the returned model
 * serialised by that mapper (its annotations decide the names), so what is compared is what the client understood.
 */
// @ts-nocheck

export const JAVA_DRIVER_CLASS = 'SpecdriftDriver';

export const JAVA_DRIVER = String.raw`import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

public class SpecdriftDriver {
  private static Integer lastStatus;

  private static String oneLine(Object text) {
    String line = String.valueOf(text).replaceAll("\\s+", " ").trim();
    return line.length() > 1000 ? line.substring(0, 1000) : line;
  }

  private static String errorLine(Throwable error) {
    String message = error.getMessage();
    return oneLine(error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private static Method findMethod(Class<?> type, String name, int arity) {
    Method best = null;
    for (Method method : type.getMethods()) {
      if (!method.getName().equals(name)) continue;
      if (method.getParameterCount() == arity) return method;
      if (best == null || method.getParameterCount() > best.getParameterCount()) best = method;
    }
    return best;
  }

  public static void main(String[] argv) throws Exception {
    ObjectMapper plain = new ObjectMapper();
    JsonNode input = plain.readTree(new File(argv[0]));
    ArrayNode results = plain.createArrayNode();
    int timeoutMs = input.get("timeoutMs").asInt();
    Object client;
    ObjectMapper mapper;
    try {
      Class<?> clientClass = Class.forName(input.get("invokerPackage").asText() + ".ApiClient");
      client = clientClass.getConstructor().newInstance();
      URI base = URI.create(input.get("baseUrl").asText());
      clientClass.getMethod("setScheme", String.class).invoke(client, base.getScheme());
      clientClass.getMethod("setHost", String.class).invoke(client, base.getHost());
      clientClass.getMethod("setPort", int.class).invoke(client, base.getPort());
      String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
      clientClass.getMethod("setBasePath", String.class).invoke(client, path);
      Map<String, String> headers = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = input.get("headers").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> header = it.next();
        headers.put(header.getKey(), header.getValue().asText());
      }
      Consumer<HttpRequest.Builder> addHeaders = builder -> headers.forEach(builder::header);
      clientClass.getMethod("setRequestInterceptor", Consumer.class).invoke(client, addHeaders);
      Consumer<HttpResponse<?>> recordStatus = response -> lastStatus = response.statusCode();
      clientClass.getMethod("setResponseInterceptor", Consumer.class).invoke(client, recordStatus);
      clientClass.getMethod("setReadTimeout", Duration.class).invoke(client, Duration.ofMillis(timeoutMs));
      mapper = (ObjectMapper) clientClass.getMethod("getObjectMapper").invoke(client);
    } catch (Throwable error) {
      Throwable cause = error instanceof InvocationTargetException ? error.getCause() : error;
      for (JsonNode call : input.get("calls")) {
        ObjectNode result = results.addObject();
        result.put("operationId", call.get("operationId").asText());
        result.put("outcome", "client-error");
        result.put("error", "client setup failed: " + errorLine(cause));
      }
      plain.writeValue(new File(argv[1]), results);
      return;
    }
    Map<String, Object> apis = new HashMap<>();
    for (JsonNode call : input.get("calls")) {
      long started = System.currentTimeMillis();
      ObjectNode result = results.addObject();
      result.put("operationId", call.get("operationId").asText());
      lastStatus = null;
      String container = call.get("container").asText();
      String symbol = call.get("symbol").asText();
      JsonNode args = call.get("args");
      try {
        Class<?> apiClass;
        try {
          apiClass = Class.forName(container);
        } catch (ClassNotFoundException missing) {
          result.put("outcome", "not-generated");
          result.put("error", container + " is not in the client");
          continue;
        }
        Method method = findMethod(apiClass, symbol, args.size());
        if (method == null) {
          result.put("outcome", "not-generated");
          result.put("error", container + "." + symbol + " is not in the client");
          continue;
        }
        if (!apis.containsKey(container)) apis.put(container, apiClass.getConstructor(client.getClass()).newInstance(client));
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
          JsonNode arg = i < args.size() ? args.get(i) : null;
          values[i] = arg == null || arg.isNull() ? null : mapper.convertValue(arg, mapper.getTypeFactory().constructType(parameters[i].getParameterizedType()));
        }
        Object data;
        try {
          data = method.invoke(apis.get(container), values);
        } catch (InvocationTargetException thrown) {
          throw thrown.getCause();
        }
        int status = lastStatus == null ? 200 : lastStatus;
        result.put("status", status);
        result.put("outcome", status >= 200 && status < 300 ? "ok" : "http-error");
        if (status < 200 || status >= 300) result.put("error", "HTTP " + status);
        if (data != null) result.set("decoded", mapper.valueToTree(data));
      } catch (Throwable error) {
        Integer code = null;
        String body = null;
        if (error.getClass().getSimpleName().equals("ApiException")) {
          code = (Integer) error.getClass().getMethod("getCode").invoke(error);
          body = (String) error.getClass().getMethod("getResponseBody").invoke(error);
        }
        if (code != null && code != 0 && (code < 200 || code >= 300)) {
          result.put("outcome", "http-error");
          result.put("status", code);
          result.put("error", errorLine(error));
          if (body != null) {
            try {
              result.set("decoded", plain.readTree(body));
            } catch (Exception notJson) {
              result.put("decoded", body);
            }
          }
        } else {
          result.put("outcome", "client-error");
          if (lastStatus != null) result.put("status", lastStatus);
          Throwable cause = error;
          while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
          result.put("error", cause instanceof HttpTimeoutException ? "timed out after " + timeoutMs + " ms" : errorLine(error));
        }
      } finally {
        result.put("ms", System.currentTimeMillis() - started);
      }
    }
    plain.writeValue(new File(argv[1]), results);
  }
}
`;

/**
 * Stand-ins for classes the `native` client imports whose libraries Debian bookworm does not package. Written by
 * specdrift from the libraries' documented APIs, not copied, and compiled onto the classpath after the user's jars,
 * so a real jar given with SPECDRIFT_JAVA_CLASSPATH wins:
 * - swagger-annotations 1.5 `io.swagger.annotations.ApiModel` / `ApiModelProperty`: documentation-only annotations;
 * - jackson-databind-nullable `org.openapitools.jackson.nullable.JsonNullableModule`: registered by `ApiClient`, used
 *   only by models with `JsonNullable` fields, which 4.3.1's `native` models do not have;
 * - jackson-datatype-jsr310 `com.fasterxml.jackson.datatype.jsr310.JavaTimeModule`: ISO-8601 text for the two
 *   java.time types 4.3.1's clients use (`date-time` → OffsetDateTime, `date` → LocalDate), read as the real module
 *   reads them by default (an OffsetDateTime adjusted to UTC). It was an empty module before, which made every
 *   `date-time` property fail to decode: a limit of our stand-in, reported as if the client had failed.
 */
export const JAVA_STAND_INS: Record<string, string> = {
  'io/swagger/annotations/ApiModel.java': `package io.swagger.annotations;

import java.lang.annotation.*;

/** Stand-in written by specdrift for swagger-annotations 1.5 (not packaged by Debian). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiModel {
  String value() default "";
  String description() default "";
  Class<?> parent() default Void.class;
  String discriminator() default "";
  Class<?>[] subTypes() default {};
  String reference() default "";
}
`,
  'io/swagger/annotations/ApiModelProperty.java': `package io.swagger.annotations;

import java.lang.annotation.*;

/** Stand-in written by specdrift for swagger-annotations 1.5 (not packaged by Debian). */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiModelProperty {
  String value() default "";
  String name() default "";
  String allowableValues() default "";
  String access() default "";
  String notes() default "";
  String dataType() default "";
  boolean required() default false;
  int position() default 0;
  boolean hidden() default false;
  String example() default "";
  boolean readOnly() default false;
  String reference() default "";
  boolean allowEmptyValue() default false;
}
`,
  'org/openapitools/jackson/nullable/JsonNullableModule.java': `package org.openapitools.jackson.nullable;

import com.fasterxml.jackson.databind.module.SimpleModule;

/** Stand-in written by specdrift for jackson-databind-nullable (not packaged by Debian): registers nothing. */
public class JsonNullableModule extends SimpleModule {
  public JsonNullableModule() {
    super("specdrift-JsonNullableModule-stand-in");
  }
}
`,
  'com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.java': `package com.fasterxml.jackson.datatype.jsr310;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Stand-in written by specdrift for jackson-datatype-jsr310 (not packaged by Debian bookworm): ISO-8601 text for
 * OffsetDateTime (read adjusted to UTC, as the real module does by default) and LocalDate.
 */
public class JavaTimeModule extends SimpleModule {
  public JavaTimeModule() {
    super("specdrift-JavaTimeModule-stand-in");
    addSerializer(OffsetDateTime.class, new JsonSerializer<OffsetDateTime>() {
      @Override
      public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
      }
    });
    addDeserializer(OffsetDateTime.class, new JsonDeserializer<OffsetDateTime>() {
      @Override
      public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null) return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        try {
          return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text, e.getMessage());
        }
      }
    });
    addSerializer(LocalDate.class, new JsonSerializer<LocalDate>() {
      @Override
      public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(value));
      }
    });
    addDeserializer(LocalDate.class, new JsonDeserializer<LocalDate>() {
      @Override
      public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null) return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        try {
          return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
          return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, e.getMessage());
        }
      }
    });
  }
}
`,
};
