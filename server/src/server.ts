// Placeholder until the language server lands.
process.stderr.write('xxgk-lint-server: not built yet\n');
