// The Electron main process with a fake 'electron' (the real one can't start
// here): secure window, no pop-ups, no navigation, the IPC sender check, the
// single-instance lock, the data folder, the app:// files and the dialogs.
import { join, sep } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../electron/shared/platform.ts';
import { AppError } from '../../electron/core/util/errors.ts';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    lock: true,
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    protocolHandlers: new Map<string, Listener>(),
    paths: { exe: '/opt/fazhi/fazhi-ledger', userData: '/home/clerk/.config/法治台账', documents: '/home/clerk/Documents', userDataSet: '' },
    ready: null as null | (() => void),
  };
  let nextId = 1;

  class FakeWebContents {
    id = nextId++;
    mainFrame = { url: 'fazhi://app/index.html' };
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: Listener | null = null;
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
    setWindowOpenHandler(fn: Listener) {
      this.windowOpenHandler = fn;
    }
  }

  class FakeWindow {
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    loadedUrl = '';
    shown = false;
    focused = 0;
    restored = 0;
    minimized = false;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once(event: string, fn: Listener) {
      if (event === 'ready-to-show') queueMicrotask(() => fn());
      return this;
    }
    on() {
      return this;
    }
    show() {
      this.shown = true;
    }
    isVisible() {
      return this.shown;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.restored++;
      this.minimized = false;
    }
    focus() {
      this.focused++;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }

  const app = {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((event: string, fn: Listener) => {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), fn]);
    }),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (state.ready = resolve))),
    enableSandbox: vi.fn(),
    getPath: vi.fn((name: 'exe' | 'userData' | 'documents') => state.paths[name]),
    setPath: vi.fn((_name: string, value: string) => {
      state.paths.userDataSet = value;
    }),
    getAppPath: () => '/opt/fazhi/resources/app.asar',
    getVersion: () => '0.1.0',
    isPackaged: true,
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn)) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn)),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn() } },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  };
  return { state, electron, FakeWindow };
});

vi.mock('electron', () => ({ ...h.electron, default: h.electron }));

const { createMainWindow, focusWindow, mainWindowOptions } = await import('../../electron/main/window.ts');
const { makeIsOwnSender, registerIpc, REFUSED_MESSAGE } = await import('../../electron/main/ipc.ts');
const { acquireSingleInstance, runMain } = await import('../../electron/main/app.ts');
const { APP_INDEX_URL, createAppProtocolHandler, isAppUrl } = await import('../../electron/main/protocol.ts');
const { createFileDialogs, safeFileName, MAX_FILE_BYTES, viewerFolders, nodeFileOps } = await import('../../electron/main/dialogs.ts');
const { buildMenuTemplate } = await import('../../electron/main/menu.ts');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/shared/page-serving.ts');

type FakeWindow = InstanceType<typeof h.FakeWindow>;

// Electron sets this; plain Node doesn't
(process as { resourcesPath?: string }).resourcesPath = '/opt/fazhi/resources';

beforeEach(() => {
  h.state.lock = true;
  h.state.appListeners.clear();
  h.state.ipcHandlers.clear();
  h.state.windows.length = 0;
  h.state.protocolHandlers.clear();
  h.state.paths.userDataSet = '';
  h.state.ready = null;
  vi.clearAllMocks();
});

describe('main window', () => {
  it('has secure webPreferences and our preload', () => {
    const win = createMainWindow({ preloadPath: '/app/out/electron/preload/index.cjs', devTools: false }) as unknown as FakeWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/electron/preload/index.cjs',
    });
    expect(win.options.title).toBe('法治台账');
  });

  it('denies window.open', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as FakeWindow;
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation, redirects and <webview>', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as FakeWindow;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      win.webContents.emit(event, { preventDefault }, 'https://example.com/');
      expect(preventDefault, event).toHaveBeenCalledTimes(1);
    }
  });

  it('focusWindow restores and focuses a minimised window', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as FakeWindow;
    win.minimized = true;
    focusWindow(win as never);
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
    expect(() => focusWindow(null)).not.toThrow();
  });

  it('options leave out the icon when there is none', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs' })).not.toHaveProperty('icon');
    expect(mainWindowOptions({ preloadPath: '/p.cjs', iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});

describe('IPC', () => {
  const OWN_ID = 7;
  const frame = (url: string) => ({ url });
  function setup() {
    const handlers = new Map<string, Listener>();
    const ipcMain = { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) };
    const core = { dispatch: vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } })) };
    const dialogs = {
      saveFile: vi.fn(async () => ({ saved: true, path: '/x' })),
      openFiles: vi.fn(async () => []),
      openWithSystem: vi.fn(async () => undefined),
    };
    registerIpc(
      ipcMain as never,
      core,
      makeIsOwnSender(() => OWN_ID),
      dialogs,
    );
    return { handlers, core, dialogs };
  }
  const own = () => {
    const mainFrame = frame('fazhi://app/index.html#/registers/activities');
    return { sender: { id: OWN_ID, mainFrame }, senderFrame: mainFrame };
  };

  it('registers exactly the shared channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('forwards our own page to core.dispatch', async () => {
    const { handlers, core } = setup();
    const result = await handlers.get(IPC_CHANNELS.invoke)?.(own(), 'years.counts', { year: 2025 });
    expect(core.dispatch).toHaveBeenCalledWith('years.counts', { year: 2025 });
    expect(result).toEqual({ ok: true, value: { method: 'years.counts', input: { year: 2025 } } });
  });

  it('refuses another webContents', async () => {
    const { handlers, core, dialogs } = setup();
    const mainFrame = frame('fazhi://app/index.html');
    const foreign = { sender: { id: OWN_ID + 1, mainFrame }, senderFrame: mainFrame };
    const result = await handlers.get(IPC_CHANNELS.invoke)?.(foreign, 'years.counts', { year: 2025 });
    expect(result).toEqual({ ok: false, error: { code: 'unauthorized', message: REFUSED_MESSAGE } });
    expect(core.dispatch).not.toHaveBeenCalled();
    await expect(handlers.get(IPC_CHANNELS.saveFile)?.(foreign, 'a.json', 'e30=', [])).rejects.toThrow(REFUSED_MESSAGE);
    await expect(handlers.get(IPC_CHANNELS.openFiles)?.(foreign, [], false)).rejects.toThrow(REFUSED_MESSAGE);
    await expect(handlers.get(IPC_CHANNELS.openWithSystem)?.(foreign, 'a.pdf', 'e30=')).rejects.toThrow(REFUSED_MESSAGE);
    expect(dialogs.saveFile).not.toHaveBeenCalled();
    expect(dialogs.openFiles).not.toHaveBeenCalled();
    expect(dialogs.openWithSystem).not.toHaveBeenCalled();
    const print = vi.fn();
    await expect(handlers.get(IPC_CHANNELS.print)?.({ ...foreign, sender: { ...foreign.sender, print } }, {})).rejects.toThrow(REFUSED_MESSAGE);
    expect(print).not.toHaveBeenCalled();
  });

  it('prints our own page through webContents.print (the system dialog, A4, landscape when asked)', async () => {
    const { handlers } = setup();
    const event = own();
    const print = vi.fn((_opts: unknown, cb: (ok: boolean) => void) => cb(true));
    const result = await handlers.get(IPC_CHANNELS.print)?.({ ...event, sender: { ...event.sender, print } }, { landscape: true });
    expect(result).toBe(true);
    expect(print).toHaveBeenCalledWith({ silent: false, printBackground: true, landscape: true, pageSize: 'A4' }, expect.any(Function));
  });

  it('refuses our window showing a foreign page, a subframe, or no frame', async () => {
    const { handlers, core } = setup();
    const evil = frame('https://evil.example/');
    const sub = { url: 'fazhi://app/index.html', parent: frame('fazhi://app/index.html') };
    const subByIdentity = frame('fazhi://app/index.html');
    const cases = [
      { sender: { id: OWN_ID, mainFrame: evil }, senderFrame: evil },
      { sender: { id: OWN_ID, mainFrame: frame('fazhi://app/index.html') }, senderFrame: sub },
      { sender: { id: OWN_ID, mainFrame: frame('fazhi://app/index.html') }, senderFrame: subByIdentity },
      { sender: { id: OWN_ID, mainFrame: frame('file:///etc/passwd') }, senderFrame: null },
      { sender: { id: OWN_ID, mainFrame: frame('file:///app/out/renderer/index.html') }, senderFrame: frame('file:///app/out/renderer/index.html') },
    ];
    for (const event of cases) {
      const result = (await handlers.get(IPC_CHANNELS.invoke)?.(event, 'app.info', {})) as { ok: boolean };
      expect(result.ok).toBe(false);
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('accepts a top frame recognised by parent === null', async () => {
    const { handlers, core } = setup();
    const top = { url: 'fazhi://app/index.html#/', parent: null };
    await handlers.get(IPC_CHANNELS.invoke)?.({ sender: { id: OWN_ID, mainFrame: { ...top } }, senderFrame: top }, 'app.info', {});
    expect(core.dispatch).toHaveBeenCalledTimes(1);
  });

  it('refuses everything before the window exists', () => {
    const check = makeIsOwnSender(() => null);
    expect(check(own())).toBe(false);
  });

  it('passes dialog calls from our page to the dialogs', async () => {
    const { handlers, dialogs } = setup();
    await handlers.get(IPC_CHANNELS.saveFile)?.(own(), 'a.json', 'e30=', [{ name: '数据包', extensions: ['json'] }]);
    expect(dialogs.saveFile).toHaveBeenCalledWith('a.json', 'e30=', [{ name: '数据包', extensions: ['json'] }]);
    await handlers.get(IPC_CHANNELS.openFiles)?.(own(), [], 'yes');
    expect(dialogs.openFiles).toHaveBeenCalledWith([], false);
    await handlers.get(IPC_CHANNELS.openWithSystem)?.(own(), '调解书.pdf', 'JVBERi0=');
    expect(dialogs.openWithSystem).toHaveBeenCalledWith('调解书.pdf', 'JVBERi0=');
  });

  it('isAppUrl accepts only fazhi://app', () => {
    expect(isAppUrl('fazhi://app/index.html#/x')).toBe(true);
    expect(isAppUrl('fazhi://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('startup', () => {
  const dailyBackup = vi.fn(async () => null);
  it('quits when the single-instance lock is not acquired', () => {
    h.state.lock = false;
    const onSecond = vi.fn();
    expect(acquireSingleInstance(onSecond)).toBe(false);
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.state.appListeners.has('second-instance')).toBe(false);
  });

  it('runMain does nothing else when another instance runs', () => {
    h.state.lock = false;
    const createCore = vi.fn();
    runMain({ createCore, exists: () => false, dailyBackup });
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.electron.app.whenReady).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
  });

  it('starts: core in userData, app:// page, IPC, menu; second launch focuses; quit closes the core', async () => {
    const core = { dispatch: vi.fn(), close: vi.fn() };
    const createCore = vi.fn(() => core);
    runMain({ createCore: createCore as never, exists: () => false, dailyBackup });
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'fazhi', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(h.electron.app.enableSandbox).toHaveBeenCalled();
    h.state.ready?.();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    const win = h.state.windows[0];

    expect(createCore).toHaveBeenCalledWith({ dbPath: join(h.state.paths.userData, 'ledger.db'), dataDir: h.state.paths.userData, mode: 'desktop' });
    expect(dailyBackup).toHaveBeenCalledWith(core);
    expect(h.state.paths.userDataSet).toBe('');
    expect(win.loadedUrl).toBe(APP_INDEX_URL);
    expect(h.state.protocolHandlers.has('fazhi')).toBe(true);
    expect([...h.state.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(h.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    // the IPC handler accepts our window and refuses another
    const invoke = h.state.ipcHandlers.get(IPC_CHANNELS.invoke);
    const mainFrame = win.webContents.mainFrame;
    await invoke?.({ sender: win.webContents, senderFrame: mainFrame }, 'app.info', {});
    expect(core.dispatch).toHaveBeenCalledWith('app.info', {});
    await invoke?.({ sender: { id: 999, mainFrame }, senderFrame: mainFrame }, 'app.info', {});
    expect(core.dispatch).toHaveBeenCalledTimes(1);

    // permissions (camera, notifications …) are refused
    const permission = h.electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as unknown as Listener;
    const callback = vi.fn();
    permission(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);

    win.minimized = true;
    for (const fn of h.state.appListeners.get('second-instance') ?? []) fn();
    expect(win.focused).toBe(1);
    expect(win.restored).toBe(1);

    for (const fn of h.state.appListeners.get('will-quit') ?? []) fn();
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('keeps data beside the program when a portable marker is there', async () => {
    const createCore = vi.fn(() => ({ dispatch: vi.fn(), close: vi.fn() }));
    const marker = join('/opt/fazhi', 'portable');
    runMain({ createCore: createCore as never, exists: (p) => p === marker, dailyBackup });
    h.state.ready?.();
    await vi.waitFor(() => expect(createCore).toHaveBeenCalled());
    const dataDir = join('/opt/fazhi', 'data');
    expect(createCore).toHaveBeenCalledWith({ dbPath: join(dataDir, 'ledger.db'), dataDir, mode: 'desktop' });
    expect(h.state.paths.userDataSet).toBe(join(dataDir, 'profile'));
  });

  it('uses the packaged icon when it exists', async () => {
    const createCore = vi.fn(() => ({ dispatch: vi.fn(), close: vi.fn() }));
    const icon = join('/opt/fazhi/resources', 'icon.png');
    runMain({ createCore: createCore as never, exists: (p) => p === icon, dailyBackup });
    h.state.ready?.();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(h.state.windows[0].options.icon).toBe(icon);
  });

  it('says so in Chinese and exits when the database cannot be opened', async () => {
    const createCore = vi.fn(() => {
      throw new Error('SQLITE_CANTOPEN');
    });
    runMain({ createCore, exists: () => false, dailyBackup });
    h.state.ready?.();
    await vi.waitFor(() => expect(h.electron.app.exit).toHaveBeenCalledWith(1));
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledWith('法治台账无法启动', expect.stringContaining('SQLITE_CANTOPEN'));
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledWith('法治台账无法启动', expect.stringContaining('请确认该文件夹可以写入'));
    expect(h.state.windows).toHaveLength(0);
  });

  it("shows a newer ledger's refusal as it is: the backup it names, no misleading folder hint", async () => {
    const message = '数据库由更新版本的法治台账创建（数据结构版本 3，本程序支持到 2）…把升级前的备份 /x/backups/ledger-20260101-before-migrate.db 复制到 /x';
    const createCore = vi.fn(() => {
      throw new AppError('db_too_new', message);
    });
    runMain({ createCore, exists: () => false, dailyBackup });
    h.state.ready?.();
    await vi.waitFor(() => expect(h.electron.app.exit).toHaveBeenCalledWith(1));
    const [, text] = (h.electron.dialog.showErrorBox as unknown as { mock: { calls: [string, string][] } }).mock.calls.at(-1) ?? ['', ''];
    expect(text).toContain('ledger-20260101-before-migrate.db');
    expect(text).not.toContain('请确认该文件夹可以写入');
  });
});

describe('fazhi://app files', () => {
  const root = join(sep, 'app', 'out', 'renderer');
  const files = new Map([
    [join(root, 'index.html'), '<!doctype html>'],
    [join(root, 'assets', 'index.js'), 'console.log(1)'],
  ]);
  const read = async (p: string) => {
    const text = files.get(p);
    if (text === undefined) throw new Error('ENOENT');
    return new TextEncoder().encode(text);
  };
  const handler = createAppProtocolHandler(root, read);

  it('serves the page with our CSP', async () => {
    const res = await handler(new Request('fazhi://app/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toBe('<!doctype html>');
    const js = await handler(new Request('fazhi://app/assets/index.js'));
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('CSP names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
  });

  it('refuses files outside the renderer folder and other hosts', async () => {
    expect((await handler(new Request('fazhi://app/..%2f..%2fsecret.txt'))).status).toBe(403);
    expect((await handler(new Request('fazhi://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('fazhi://app/missing.js'))).status).toBe(404);
    expect((await handler(new Request('fazhi://app/index.html', { method: 'POST' }))).status).toBe(405);
  });

  it('falls back to index.html for paths without an extension', async () => {
    expect(await (await handler(new Request('fazhi://app/registers'))).text()).toBe('<!doctype html>');
  });
});

describe('file dialogs', () => {
  function platform(savePath: string | null, openPaths: string[] = [], sizes: Record<string, number> = {}) {
    const written = new Map<string, Uint8Array>();
    return {
      written,
      showSaveDialog: vi.fn(async () => savePath),
      showOpenDialog: vi.fn(async () => openPaths),
      defaultDir: () => '/home/clerk/Documents',
      writeFile: vi.fn(async (p: string, d: Uint8Array) => void written.set(p, d)),
      readFile: vi.fn(async (p: string) => new TextEncoder().encode(`内容:${p}`)),
      fileSize: vi.fn(async (p: string) => sizes[p] ?? 10),
      viewerDir: () => '/tmp/view',
      openPath: vi.fn(async () => undefined),
    };
  }

  it('writes the bytes where the clerk chose; cancel writes nothing', async () => {
    const p = platform('/media/usb/台账.json');
    const dialogs = createFileDialogs(p);
    const b64 = Buffer.from('{"a":1}').toString('base64');
    expect(await dialogs.saveFile('台账.json', b64, [{ name: '数据包', extensions: ['json'] }])).toEqual({ saved: true, path: '/media/usb/台账.json' });
    expect(Buffer.from(p.written.get('/media/usb/台账.json') ?? []).toString()).toBe('{"a":1}');
    expect(p.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join('/home/clerk/Documents', '台账.json'), filters: [{ name: '数据包', extensions: ['json'] }] }),
    );

    const cancelled = platform(null);
    expect(await createFileDialogs(cancelled).saveFile('a.json', b64, [])).toEqual({ saved: false });
    expect(cancelled.writeFile).not.toHaveBeenCalled();
  });

  it('a full U盘 when saving is said plainly in Chinese', async () => {
    const p = platform('/media/usb/台账.json');
    p.writeFile.mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const b64 = Buffer.from('{}').toString('base64');
    await expect(createFileDialogs(p).saveFile('台账.json', b64, [])).rejects.toThrow(/^保存失败：磁盘空间已满，本次操作未完成，文件未保存/);
  });

  it('strips folders from the suggested name and refuses bad content', async () => {
    expect(safeFileName('../../Windows/evil.json')).toBe('evil.json');
    expect(safeFileName('..\\..\\evil.json')).toBe('evil.json');
    expect(safeFileName('a:b?.json')).toBe('a_b_.json');
    expect(safeFileName(42)).toBe('未命名');
    const p = platform('/x.json');
    await expect(createFileDialogs(p).saveFile('a.json', 'not base64!', [])).rejects.toThrow('保存失败');
    expect(p.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reads the chosen files as base64; refuses one that is too big', async () => {
    const p = platform(null, ['/media/usb/a.json', '/media/usb/b.xlsx']);
    const files = await createFileDialogs(p).openFiles([{ name: '数据包', extensions: ['json'] }], true);
    expect(files.map((f) => f.name)).toEqual(['a.json', 'b.xlsx']);
    expect(Buffer.from(files[0].base64, 'base64').toString()).toBe('内容:/media/usb/a.json');
    expect(p.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ multiple: true }));

    const big = platform(null, ['/big.json'], { '/big.json': MAX_FILE_BYTES + 1 });
    await expect(createFileDialogs(big).openFiles([], false)).rejects.toThrow('文件太大');
    expect(await createFileDialogs(platform(null, [])).openFiles([], false)).toEqual([]);
  });

  it('hands a PDF or picture to the system viewer, and nothing it could run', async () => {
    const p = platform(null);
    const pdf = Buffer.from('%PDF-1.4').toString('base64');
    await createFileDialogs(p).openWithSystem('../调解书.pdf', pdf);
    expect(p.openPath).toHaveBeenCalledWith(join('/tmp/view', '调解书.pdf'));
    expect(Buffer.from(p.written.get(join('/tmp/view', '调解书.pdf')) ?? []).toString()).toBe('%PDF-1.4');
    await expect(createFileDialogs(p).openWithSystem('run.exe', pdf)).rejects.toThrow('不能用系统程序打开');
    await expect(createFileDialogs(p).openWithSystem('a.pdf', 'not base64!')).rejects.toThrow('打开失败');
    expect(p.openPath).toHaveBeenCalledTimes(1);
  });

  it('system-viewer files are created exclusively in a private folder: a symlink planted in the shared temp folder is never followed', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const shared = fs.mkdtempSync(join(os.tmpdir(), 'fazhi-shared-tmp-'));
    try {
      // another user plants the old fixed folder and a symlink at the name the app would write
      const victim = join(shared, 'victim.txt');
      fs.writeFileSync(victim, '重要文件');
      fs.mkdirSync(join(shared, 'fazhi-ledger-view'));
      fs.symlinkSync(victim, join(shared, 'fazhi-ledger-view', '调解书.pdf'));
      const opened: string[] = [];
      const p = { ...platform(null), ...nodeFileOps, viewerDir: viewerFolders(shared), openPath: vi.fn(async (x: string) => void opened.push(x)) };
      await createFileDialogs(p).openWithSystem('调解书.pdf', Buffer.from('%PDF-1.4').toString('base64'));
      await createFileDialogs(p).openWithSystem('调解书.pdf', Buffer.from('%PDF-1.5').toString('base64'));
      expect(fs.readFileSync(victim, 'utf8')).toBe('重要文件');
      expect(opened).toHaveLength(2);
      expect(opened[0]).not.toBe(opened[1]);
      for (const file of opened) {
        expect(file.startsWith(join(shared, 'fazhi-ledger-view-'))).toBe(true);
        expect(fs.lstatSync(file).isFile()).toBe(true);
        expect(fs.statSync(join(file, '..', '..')).mode & 0o077).toBe(0);
      }
      expect(fs.readFileSync(opened[1], 'utf8')).toBe('%PDF-1.5');
      // and an exclusive write never follows a link at its path
      const link = join(shared, 'link.pdf');
      fs.symlinkSync(victim, link);
      await expect(nodeFileOps.writeNewFile!(link, Buffer.from('x'))).rejects.toThrow(/EEXIST/);
      expect(fs.readFileSync(victim, 'utf8')).toBe('重要文件');
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });
});

describe('menu', () => {
  it('is Chinese, with 文件 编辑 视图 帮助', () => {
    const onAbout = vi.fn();
    const template = buildMenuTemplate(onAbout);
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const labels = (i: number) => (template[i].submenu as { label?: string }[]).filter((x) => x.label).map((x) => x.label);
    expect(labels(0)).toEqual(['退出']);
    expect(labels(1)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(2)).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏']);
    expect(labels(3)).toEqual(['关于法治台账']);
    const about = (template[3].submenu as { click?: () => void }[])[0];
    about.click?.();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });
});
