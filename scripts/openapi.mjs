// Writes docs/openapi.json from the contract's route table (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../packages/contract/dist/openapi.js';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, JSON.stringify(buildOpenApi(), null, 2) + '\n');
console.log(`wrote ${target}`);
