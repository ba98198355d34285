// The web bridge on a given database, for the bench: prints its port and token, then serves
// until its stdin closes or SIGTERM. (npm run web does the same after checking the built page.)
import { createCore } from '../../electron/core/index.ts';
import { startBridge } from '../../electron/bridge/server.ts';

const core = createCore({ dbPath: process.argv[2], mode: 'web' });
const bridge = await startBridge({ core });
const stop = () => {
  void bridge.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.stdin.resume();
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
console.log(JSON.stringify({ port: bridge.port, token: bridge.token }));
