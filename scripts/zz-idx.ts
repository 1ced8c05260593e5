import { readFileSync, readdirSync } from 'node:fs';
import { parsePolicyText } from '@/lib/policy-text';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { readInterimLegacyTree } from '@/lib/policy-text/deep/legacy-bridge';
import { extractSearchUnits } from '@/lib/policy-text/search-units';
import { extractSearchUnits as oldUnits } from './zz-old-units';
const files = ['prisma/seed-data/fuchu-information-security-basic-policy.txt', ...readdirSync('prisma/seed-data/samples').filter((f) => f.endsWith('.txt')).map((f) => `prisma/seed-data/samples/${f}`)];
const contents = files.map((f) => { const r = parsePolicyText(readFileSync(f, 'utf8')); if (!r.ok) throw f; return JSON.parse(JSON.stringify(r.tree)); });
const t = { oldPath: 0, newPath: 0, readDeep: 0, newUnits: 0, oldUnitsOnly: 0 };
for (let round = 0; round < 50; round++) {
  for (const c of contents) {
    let a = performance.now(); oldUnits(readInterimLegacyTree(c)); t.oldPath += performance.now() - a;
    a = performance.now(); const d = readDeepTree(c); const b = performance.now(); extractSearchUnits(d); const e = performance.now();
    t.newPath += e - a; t.readDeep += b - a; t.newUnits += e - b;
    const lt = readInterimLegacyTree(c); a = performance.now(); oldUnits(lt); t.oldUnitsOnly += performance.now() - a;
  }
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])), 'index path new/old', (t.newPath / t.oldPath).toFixed(2), 'units new/old', (t.newUnits / t.oldUnitsOnly).toFixed(2));
