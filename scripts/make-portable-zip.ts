// The U盘 build: the unpacked Windows program in one folder, with the
// `portable` marker beside 法治台账.exe (so the ledger lives in `data/` beside
// the program, see electron/core/paths.ts) and a short Chinese readme.
//
//   node scripts/make-portable-zip.ts release/win-unpacked release/fazhi-ledger-0.2.0-win-x64-portable.zip
import { createReadStream, createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PORTABLE_DATA_DIR_NAME, PORTABLE_MARKER } from '../electron/core/paths.ts';

/** the folder the clerk sees after unzipping */
export const PORTABLE_FOLDER = '法治台账';
export const PORTABLE_EXE = '法治台账.exe';

export const MARKER_TEXT = [
  '这个文件表示“U盘便携版”：法治台账的数据保存在本文件夹内的 data 文件夹中，不写入电脑。',
  '请勿删除本文件，否则程序会改用本机的数据文件夹（%APPDATA%\\法治台账），看不到 U盘上的台账。',
  '',
].join('\r\n');

export const README_TEXT = [
  '法治台账 U盘便携版',
  '',
  '1. 把整个“法治台账”文件夹复制到 U盘或电脑上的任意位置（不需要安装，不需要管理员权限）。',
  '2. 双击文件夹中的“法治台账.exe”启动。',
  '3. 台账数据、备份和附件都保存在本文件夹的 data 文件夹中；换电脑时带上整个文件夹即可。',
  '4. 使用时请勿拔出 U盘；关闭程序后再拔出。U盘设置了写保护时程序无法保存数据。',
  '5. 升级：用新版本的 U盘版替换程序文件时，保留 data 文件夹和 portable 文件；',
  '   新版本第一次打开旧数据时会自动先备份（data\\backups 中“升级前自动备份”），再升级数据结构。',
  '',
].join('\r\n');

export async function makePortableZip(unpackedDir: string, outFile: string): Promise<{ files: number; bytes: number }> {
  const root = resolve(unpackedDir);
  if (!existsSync(join(root, PORTABLE_EXE))) throw new Error(`${root} 中没有 ${PORTABLE_EXE}：不是 Windows 版的 win-unpacked 文件夹`);
  const zip = new JSZip();
  const top = zip.folder(PORTABLE_FOLDER);
  if (!top) throw new Error('zip folder');
  let files = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path).replace(/\\/g, '/');
      if (statSync(path).isDirectory()) {
        top.folder(rel);
        walk(path);
      } else {
        // read lazily while the zip is written: the runtime is a few hundred MB
        top.file(rel, createReadStream(path), { binary: true });
        files++;
      }
    }
  };
  walk(root);
  top.file(PORTABLE_MARKER, MARKER_TEXT);
  top.folder(PORTABLE_DATA_DIR_NAME);
  top.file('使用说明.txt', `\ufeff${README_TEXT}`);
  await new Promise<void>((done, fail) => {
    zip
      .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } })
      .on('error', fail)
      .pipe(createWriteStream(outFile))
      .on('finish', done)
      .on('error', fail);
  });
  return { files: files + 2, bytes: statSync(outFile).size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    console.error('用法：node scripts/make-portable-zip.ts release/win-unpacked 输出.zip');
    process.exitCode = 2;
  } else {
    try {
      const r = await makePortableZip(dir, out);
      console.log(`U盘版：${out}（${r.files} 个文件，${(r.bytes / 1024 / 1024).toFixed(1)} MB）`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    }
  }
}
