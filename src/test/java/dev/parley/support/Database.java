package dev.parley.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the test database directly, to check what the service stored. */
@ApplicationScoped
public class Database {

    private final Pool pool;

    Database(Pool pool) {
        this.pool = pool;
    }

    public List<Row> query(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... params) {
        return query(sql, params).getFirst().getLong(0);
    }
}
