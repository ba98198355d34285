// The web transport (npm run web): calls POSTed to the local HTTP bridge with the
// per-run token, saving as a download, opening through <input type=file>, viewing
// in a new tab, printing with window.print.
import type { ApiResult } from '@shared/contract/define.ts';
import type { OpenedFile } from '@shared/platform.ts';
import { TOKEN_HEADER } from '@shared/page-serving.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import type { Transport } from './transport.ts';

const TOKEN_KEY = 'fazhi-token';

const MIME: Record<string, string> = {
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  db: 'application/octet-stream',
};

/** The token comes once in the address (?token=…) and is kept for this tab. */
function webToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const failure = (code: 'unauthorized' | 'internal', message: string): ApiResult<unknown> => ({ ok: false, error: { code, message } });

async function invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const token = webToken();
  if (!token) return failure('unauthorized', '缺少访问令牌：请使用启动网页模式时显示的完整地址打开本页');
  let res: Response;
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return failure('internal', '无法连接法治台账服务，请确认命令行窗口中的服务仍在运行');
  }
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return failure('internal', `服务返回了无法识别的内容（HTTP ${res.status}）`);
  }
}

function openBlob(blob: Blob, download: string | null) {
  const url = URL.createObjectURL(blob);
  if (download === null) window.open(url, '_blank', 'noopener');
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = download;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function openFiles(filters: { extensions: string[] }[], multiple: boolean): Promise<OpenedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      void Promise.all(files.map(async (f) => ({ name: f.name, base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) }))).then(resolve);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.appendChild(input);
    input.click();
  });
}

export function webTransport(): Transport {
  return {
    kind: 'web',
    invoke,
    saveFile: async (name, base64) => {
      const ext = name.split('.').pop() ?? '';
      openBlob(new Blob([base64ToBytes(base64) as BlobPart], { type: MIME[ext] ?? 'application/octet-stream' }), name);
      return true;
    },
    openFiles,
    openWithSystem: async (name, base64) => {
      const ext = name.split('.').pop()?.toLowerCase() ?? '';
      const type = ext === 'pdf' ? 'application/pdf' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
      openBlob(new Blob([base64ToBytes(base64) as BlobPart], { type }), null);
    },
    print: async () => window.print(),
  };
}
