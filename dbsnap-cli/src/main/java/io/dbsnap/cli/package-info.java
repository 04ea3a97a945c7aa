/** The dbsnap command line (coming with the CLI issue). */
package io.dbsnap.cli;
