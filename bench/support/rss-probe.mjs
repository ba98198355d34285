// node --import ./bench/support/rss-probe.mjs …: prints the process's peak RSS (KB) to stderr at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
