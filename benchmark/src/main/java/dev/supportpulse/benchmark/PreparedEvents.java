package dev.supportpulse.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.supportpulse.demo.DemoDataGenerator;
import dev.supportpulse.demo.DemoEvent;
import dev.supportpulse.demo.DemoSettings;

/**
 * The benchmark's events, generated and serialised before anything is timed: per batch, the JSON array body a sender
 * posts and the COPY rows of the same events. Bytes only (UTF-8), so a million events fit in a few hundred MB.
 */
record PreparedEvents(int events, List<byte[]> httpBodies, List<byte[]> copyChunks) {

    static PreparedEvents generate(long seed, int events, int batchSize) {
        List<byte[]> bodies = new ArrayList<>(events / batchSize + 1);
        List<byte[]> chunks = new ArrayList<>(events / batchSize + 1);
        Iterator<DemoEvent> stream = DemoDataGenerator.stream(DemoSettings.forEvents(seed, events)).iterator();
        List<DemoEvent> batch = new ArrayList<>(batchSize);
        StringBuilder rows = new StringBuilder(batchSize * 320);
        int generated = 0;
        while (stream.hasNext()) {
            DemoEvent event = stream.next();
            batch.add(event);
            CopyRows.append(rows, event);
            generated++;
            if (batch.size() == batchSize || !stream.hasNext()) {
                bodies.add(DemoEvent.jsonArray(batch));
                chunks.add(rows.toString().getBytes(StandardCharsets.UTF_8));
                batch.clear();
                rows.setLength(0);
            }
        }
        if (generated != events) {
            throw new IllegalStateException("the generator gave " + generated + " events, not " + events);
        }
        return new PreparedEvents(events, bodies, chunks);
    }

    long httpBytes() {
        return httpBodies.stream().mapToLong(body -> body.length).sum();
    }

    long copyBytes() {
        return copyChunks.stream().mapToLong(chunk -> chunk.length).sum();
    }
}
