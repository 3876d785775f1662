package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tables a purge drops: those the plugin's own changelog creates, includes followed. */
class SchemaPurgerTest {

    @TempDir
    Path work;

    private static final String HEAD = "<databaseChangeLog xmlns='http://www.liquibase.org/xml/ns/dbchangelog'>";

    @Test
    void findsTheTablesOfTheChangelogAndItsIncludes() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("db/changelog.xml", (HEAD + "<changeSet id='1' author='a'><createTable tableName='note'/></changeSet>"
                + "<include file='more.xml' relativeToChangelogFile='true'/></databaseChangeLog>").getBytes());
        entries.put("db/more.xml", (HEAD + "<changeSet id='2' author='a'><createTable tableName='note_tag'/>"
                + "<addColumn tableName='note'/></changeSet></databaseChangeLog>").getBytes());
        Path jar = Files.write(work.resolve("p.jar"),
                TestJars.jar(TestJars.headers("p", "1.0.0", "CongSo-Changelog", "/db/changelog.xml"), entries));
        assertEquals(List.of("note", "note_tag"), SchemaPurger.tablesOf(jar));
    }

    @Test
    void aPluginWithoutChangelogHasNoTables() throws Exception {
        Path jar = Files.write(work.resolve("p.jar"), TestJars.bundle(TestJars.headers("p", "1.0.0")));
        assertEquals(List.of(), SchemaPurger.tablesOf(jar));
    }
}
