package dev.supportpulse.ingest.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.supportpulse.ingest.config.IngestConfig;
import dev.supportpulse.ingest.error.MalformedBodyException;
import dev.supportpulse.ingest.error.PayloadTooLargeException;

/** Splits a request body into the JSON trees of its events, enforcing the batch limit before any validation. */
@ApplicationScoped
public class EventBatchParser {

    /** One event as it stood in the body: its tree, or why its NDJSON line could not be parsed. */
    public record RawEvent(int index, Integer line, JsonNode json, String parseError) {
    }

    // A private mapper: strict about duplicate keys and trailing garbage, and exact about decimals, whatever the
    // application-wide Jackson settings are.
    private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private final int maxBatchEvents;
    private final long maxBodyBytes;

    public EventBatchParser(IngestConfig config) {
        this.maxBatchEvents = config.ingest().maxBatchEvents();
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
    }

    public List<RawEvent> parse(byte[] body, BatchFormat format) {
        if (body.length > maxBodyBytes) {
            throw PayloadTooLargeException.forBody(maxBodyBytes);
        }
        if (isBlank(body, 0, body.length)) {
            throw new MalformedBodyException("The body is empty; send one event, an array of events, or NDJSON.");
        }
        return format == BatchFormat.JSON ? parseJson(body) : parseNdjson(body);
    }

    private List<RawEvent> parseJson(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("The body is not valid JSON: " + describe(e) + ".");
        } catch (IOException e) {
            throw new MalformedBodyException("The body could not be read as JSON.");
        }
        if (root.isObject()) {
            return List.of(new RawEvent(0, null, root, null));
        }
        if (!root.isArray()) {
            throw new MalformedBodyException("The body must be one event object or an array of events, not "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (root.isEmpty()) {
            throw new MalformedBodyException("The array holds no events.");
        }
        requireWithinBatchLimit(root.size());
        List<RawEvent> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            events.add(new RawEvent(i, null, root.get(i), null));
        }
        return events;
    }

    private List<RawEvent> parseNdjson(byte[] body) {
        List<RawEvent> events = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            if (!isBlank(body, start, end)) {
                requireWithinBatchLimit(events.size() + 1);
                events.add(parseLine(body, start, end, events.size(), lineNumber));
            }
            start = end + 1;
        }
        if (events.isEmpty()) {
            throw new MalformedBodyException("The NDJSON body holds no events.");
        }
        return events;
    }

    private RawEvent parseLine(byte[] body, int start, int end, int index, int lineNumber) {
        try {
            return new RawEvent(index, lineNumber, mapper.readTree(body, start, end - start), null);
        } catch (JsonProcessingException e) {
            return new RawEvent(index, lineNumber, null, "is not valid JSON: " + describe(e));
        } catch (IOException e) {
            return new RawEvent(index, lineNumber, null, "could not be read as JSON");
        }
    }

    private void requireWithinBatchLimit(int events) {
        if (events > maxBatchEvents) {
            throw new PayloadTooLargeException(
                    "The batch holds more than " + maxBatchEvents + " events, the most one request may carry.");
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return e.getOriginalMessage().lines().findFirst().orElse("syntax error") + where;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
