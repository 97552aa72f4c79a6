package dev.parley.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLogFormatterTest {

    @Test
    void everyRecordIsOneParseableJsonLine() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "User %d said \"%s\"", ExtLogRecord.FormatStyle.PRINTF,
                JsonLogFormatterTest.class.getName());
        record.setParameters(new Object[]{42, "line1\nline2\t\u0001"});
        record.setLoggerName("dev.parley.test");
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogFormatter().format(record);

        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("User 42 said \"line1\nline2\t\u0001\"", json.get("message").asText());
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("dev.parley.test", json.get("logger").asText());
        assertTrue(json.get("exception").asText().contains("IllegalStateException: boom"));
    }
}
