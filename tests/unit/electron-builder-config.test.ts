// build/electron-builder.json, checked against electron-builder's own JSON
// schema: electron-builder itself converts wrong types and names a misspelt
// key only vaguely, ajv names it.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const read = (rel: string) => JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8')) as Record<string, unknown>;

const schema = read('node_modules/app-builder-lib/scheme.json');
const config = read('build/electron-builder.json');

/** The Ajv class for the schema's draft ($schema); draft-07 (and older) by default. */
function compile(s: Record<string, unknown>): ValidateFunction {
  const options: Options = { allErrors: true, strict: false };
  const draft = String(s.$schema ?? '');
  const ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  return ajv.compile(s);
}

const validate = compile(schema);

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty: string }).additionalProperty)}` : ''}`,
    )
    .join('\n');
}

interface Target {
  target: string;
  arch: string[];
}

describe('build/electron-builder.json', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const ok = validate(config);
    expect(describeErrors(validate.errors), 'schema errors').toBe('');
    expect(ok).toBe(true);
  });

  it('names a misspelt key (proves the check is not a no-op)', () => {
    const nsis = { ...(config.nsis as Record<string, unknown>) };
    nsis.allowToChangeInstalationDirectory = nsis.allowToChangeInstallationDirectory;
    delete nsis.allowToChangeInstallationDirectory;
    expect(validate({ ...config, nsis })).toBe(false);
    const text = describeErrors(validate.errors);
    expect(text).toContain('/nsis must NOT have additional properties: allowToChangeInstalationDirectory');

    expect(validate({ ...config, npmRebuilt: false })).toBe(false);
    expect(describeErrors(validate.errors)).toContain('/ must NOT have additional properties: npmRebuilt');
  });

  it('keeps the native module as shipped and the product Chinese', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.productName).toBe('法治台账');
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z0-9-]+)+$/);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringMatching(/better-sqlite3.*\.node$/)]));
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('ships each target only its own better-sqlite3 addon', () => {
    // the `${arch}` macro is the target's; `${platform}` would be the build machine's, hence one pattern per platform
    expect((config.win as { files: string[] }).files).toEqual(['!node_modules/better-sqlite3/prebuilds/!(win32-${arch}).node']);
    expect((config.linux as { files: string[] }).files).toEqual(['!node_modules/better-sqlite3/prebuilds/!(linux-${arch}).node']);
    expect(JSON.stringify(config)).not.toContain('${platform}');
  });

  it('builds a Chinese NSIS installer for Windows x64 with a choice of folder', () => {
    const nsis = config.nsis as Record<string, unknown>;
    expect(nsis.installerLanguages).toEqual(['zh_CN']);
    expect(nsis.language).toBe('2052');
    expect(nsis.oneClick).toBe(false);
    expect(nsis.perMachine).toBe(false); // the installer asks: this user or all users
    expect(nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(nsis.createDesktopShortcut).toBe(true);
    const win = config.win as { target: Target[] };
    expect(win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('builds deb and AppImage for x64 and arm64, category Office', () => {
    const linux = config.linux as { target: Target[]; category: string; icon: string };
    expect(linux.category).toBe('Office');
    for (const name of ['deb', 'AppImage']) {
      const t = linux.target.find((x) => x.target === name);
      expect(t, name).toBeDefined();
      expect([...(t?.arch ?? [])].sort()).toEqual(['arm64', 'x64']);
    }
  });

  it('uses an icon that exists and is a 512×512 PNG', () => {
    const png = readFileSync(new URL('../../resources/icon.png', import.meta.url));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png.length).toBeLessThan(200 * 1024);
    expect((config.linux as { icon: string }).icon).toBe('resources/icon.png');
    expect((config.win as { icon: string }).icon).toBe('resources/icon.png');
  });

  it('flips the Electron fuses: no run-as-Node, NODE_OPTIONS or --inspect; the app only from its asar, checked for integrity', () => {
    // the key names as app-builder-lib's schema spells them (FuseOptionsV1)
    const known = Object.keys((schema.definitions as Record<string, { properties: Record<string, unknown> }>).FuseOptionsV1.properties);
    const fuses = config.electronFuses as Record<string, boolean>;
    for (const k of Object.keys(fuses)) expect(known, k).toContain(k);
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // the page comes from fazhi://app, never file://
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});
