// What a command file exports: its commands, by name, for electron/cli/index.ts.
import type { Core } from '../core/index.ts';
import type { ParsedArgs } from '../shared/cli-args.ts';

export type Command = (core: Core, args: ParsedArgs) => Promise<number>;

export interface CommandSpec {
  run: Command;
  usage: string;
  /** options that take a value */
  valued: string[];
  flags: string[];
  /** the command may create the database named by --db (import, demo, restore) */
  creates?: boolean;
}

export type CommandTable = Record<string, CommandSpec>;
