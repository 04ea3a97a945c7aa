/**
 * The {@code dbsnap} command line: a thin layer of picocli commands over the fluent API
 * ({@link io.dbsnap.Snapshots}) and the store, dumper, restorer and diff beneath it.
 *
 * <p>{@link io.dbsnap.cli.Main} is the entry point; {@link io.dbsnap.cli.Cli} runs one command
 * with the environment, terminal and streams it is given, which is how tests run it in-process.
 * Each subcommand is one class listed in {@link io.dbsnap.cli.DbsnapCommand}.
 */
package io.dbsnap.cli;
