package io.callaudit.ingest;

/** What content detection decided about one input: its layout and whose fields it carries. */
record Detection(Shape shape, InputFormat format) {}
