package com.paymentmigration.lambda.validator;

import com.paymentmigration.lambda.validator.report.ReportStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reports in memory, with every write kept in order so tests can see each checkpoint. */
final class InMemoryReportStore implements ReportStore {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final List<String> writes = new ArrayList<>();

    @Override
    public synchronized void write(String key, byte[] json) {
        objects.put(key, json);
        writes.add(key);
    }

    @Override
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(objects.get(key));
    }
}
