// app.*: what the program is and where its data lives.
import { z } from 'zod';
import { method, prefixed } from './define.ts';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dbPath: string;
  dataDir: string;
  /** desktop (Electron), web (HTTP bridge) or cli */
  mode: 'desktop' | 'web' | 'cli';
  nodeVersion: string;
}

export const appContract = {
  ...prefixed('app', {
    info: method<AppInfo>()(z.object({})),
  }),
};
