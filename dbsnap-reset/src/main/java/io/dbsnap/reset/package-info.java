/**
 * The fast reset of a test database to a captured state: {@link io.dbsnap.reset.FastReset}
 * puts back only what tests changed, and restores the snapshot in full when they changed its
 * structure. Usable without JUnit.
 */
package io.dbsnap.reset;
