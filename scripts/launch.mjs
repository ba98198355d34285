// node scripts/launch.mjs ENTRY.ts [args…]: runs a TypeScript entry (the CLI, the web
// bridge) with Node's compile cache on. Node strips the types of every .ts module it
// loads, and the stripper (a WebAssembly module) alone costs ≈70 ms and ≈17 MB at each
// start; with the cache, a start after the first loads neither it nor recompiles a module.
// (NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.)
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

enableCompileCache();
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('用法：node scripts/launch.mjs 入口文件.ts [参数…]');
  process.exit(2);
}
const file = resolve(entry);
process.argv = [process.argv[0], file, ...args];
const mod = await import(pathToFileURL(file).href);
// an entry that runs only as the main module (import.meta.main) exports main() for this
if (typeof mod.main === 'function') await mod.main();
