package dev.supportpulse.demo;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.BiConsumer;

/** A stream of items cut into JSON array bodies of one batch each, made as they are sent. */
final class JsonBatches<T> implements Iterator<byte[]> {

    private final Iterator<T> items;
    private final int size;
    private final BiConsumer<T, StringBuilder> writer;
    private long taken;

    /**
     * @param writer
     *            appends one item as a JSON object
     */
    JsonBatches(Iterator<T> items, int size, BiConsumer<T, StringBuilder> writer) {
        this.items = items;
        this.size = size;
        this.writer = writer;
    }

    /** Items put into batches so far. */
    long taken() {
        return taken;
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public byte[] next() {
        StringBuilder body = new StringBuilder(size * 320).append('[');
        for (int i = 0; i < size && items.hasNext(); i++) {
            if (i > 0) {
                body.append(',');
            }
            writer.accept(items.next(), body);
            taken++;
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
