/** JUnit 5 support: snapshot a test database once and reset it between tests (coming with the JUnit issue). */
package io.dbsnap.junit5;
