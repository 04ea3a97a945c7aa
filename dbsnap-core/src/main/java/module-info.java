/**
 * dbsnap's core: the Catalog model, snapshot files and their store, the schema diff, connections
 * and the exceptions. Every package is API (the internals are package-private), since the other
 * modules' public types return and take these types.
 */
@SuppressWarnings("requires-automatic") // java-diff-utils has no descriptor, only an Automatic-Module-Name
module io.dbsnap.core {
    // DataSource and Connection appear in the API
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires io.github.javadiffutils;
    requires org.slf4j;

    exports io.dbsnap.catalog;
    exports io.dbsnap.connection;
    exports io.dbsnap.diff;
    exports io.dbsnap.errors;
    exports io.dbsnap.store;

    // MetadataFile binds NAME.meta.yaml to its package-private records by reflection.
    opens io.dbsnap.store to com.fasterxml.jackson.databind;

    // Buckets (s3://...) come from dbsnap-s3, found by ServiceLoader so that the core carries no cloud SDK.
    uses io.dbsnap.store.ObjectStorageProvider;
}
