// Placeholder until the CLI lands.
process.stderr.write('xxgk-lint: not built yet\n');
process.exitCode = 2;
