// node --import ./tests/helpers/trace-loads.mjs …: prints "@@load <url>" on stderr for every module loaded.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
  export async function load(url, context, next) {
    process._rawDebug('@@load ' + url);
    return next(url, context);
  }
`),
);
