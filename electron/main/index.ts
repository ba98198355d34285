// Electron main entry (package.json "main" → out/electron/main/index.js). Kept
// thin: everything lives in app.ts so it can be tested with a mocked electron.
import { runMain } from './app.ts';

runMain();
