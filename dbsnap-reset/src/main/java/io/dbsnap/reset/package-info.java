/**
 * The fast reset of a test database to a captured state: {@link io.dbsnap.reset.FastReset}
 * puts back only what tests changed, and restores the snapshot in full when they changed its
 * structure. Usable without JUnit (module {@code dbsnap-reset}); it stands on the fluent API
 * ({@code io.dbsnap}) and the core's types, not on the dumper's or the restorer's internals.
 */
package io.dbsnap.reset;
