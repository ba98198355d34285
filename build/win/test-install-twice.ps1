# Installing over an older version keeps the data folder (release workflow, Windows).
#
# 1. installs the previous release (or, for the first release, this one), per user, silently;
# 2. puts an old ledger (made from tests/fixtures/db/v1.sql, schema 1) and a file of the clerk's into
#    %APPDATA%\法治台账, as the older version would have left them;
# 3. installs this version over it, as a clerk double-clicking the new installer would;
# 4. checks the data folder is untouched, then starts the installed program, which must
#    back the ledger up and upgrade it with every record kept;
# 5. uninstalls, and checks the data folder is still there.
param(
  [Parameter(Mandatory = $true)] [string] $Installer,
  [string] $OlderInstaller = '',
  [Parameter(Mandatory = $true)] [string] $FixtureDb,
  [Parameter(Mandatory = $true)] [string] $Version
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$dataDir = Join-Path $env:APPDATA '法治台账'
$ledger = Join-Path $dataDir 'ledger.db'
$keep = Join-Path $dataDir '文员自己的文件.txt'

function Install-Ledger([string] $exe) {
  Write-Host "== 安装 $exe（当前用户，静默）"
  $p = Start-Process -FilePath $exe -ArgumentList '/S', '/currentuser' -Wait -PassThru
  if ($p.ExitCode -ne 0) { throw "安装程序退出码 $($p.ExitCode)：$exe" }
}

function Get-Installed {
  $entry = Get-ChildItem 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall' |
    Get-ItemProperty | Where-Object { $_.PSObject.Properties['DisplayName'] -and $_.DisplayName -like '法治台账*' } |
    Select-Object -First 1
  if (-not $entry) { throw '注册表（HKCU 卸载项）中找不到法治台账：没有装上？' }
  return $entry
}

# counts of every register table, active and in the 回收站, and the schema version
function Get-LedgerFacts([string] $db) {
  $js = @'
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
const n = (t) => db.prepare('SELECT COUNT(*) AS n FROM ' + t).get().n;
console.log(JSON.stringify({ schema: db.pragma('user_version', { simple: true }),
  activities: n('activities'), mediation_cases: n('mediation_cases'), inspections: n('inspections'), work_items: n('work_items') }));
'@
  $out = node -e $js $db
  if ($LASTEXITCODE -ne 0) { throw "无法读取 $db" }
  return $out | ConvertFrom-Json
}

$before = Get-LedgerFacts $FixtureDb

# 1. the older version
if ($OlderInstaller -and (Test-Path $OlderInstaller)) { Install-Ledger $OlderInstaller } else {
  Write-Host '== 还没有更早的发布版本：先装本版本，再覆盖安装本版本'
  Install-Ledger $Installer
}
$old = Get-Installed
Write-Host "   已安装 $($old.DisplayName) $($old.DisplayVersion) 于 $($old.InstallLocation)"

# 2. the data an older version left
New-Item -ItemType Directory -Force -Path $dataDir | Out-Null
Copy-Item $FixtureDb $ledger -Force
Set-Content -Path $keep -Value '覆盖安装后这个文件必须还在' -Encoding utf8
$hash = (Get-FileHash $ledger -Algorithm SHA256).Hash

# 3. this version over it
Install-Ledger $Installer
$new = Get-Installed
if ($new.DisplayVersion -ne $Version) { throw "覆盖安装后版本是 $($new.DisplayVersion)，应为 $Version" }
$exe = Join-Path $new.InstallLocation '法治台账.exe'
if (-not (Test-Path $exe)) { throw "找不到 $exe" }
if (-not (Test-Path $keep)) { throw '覆盖安装删掉了数据文件夹中的文件' }
if ((Get-FileHash $ledger -Algorithm SHA256).Hash -ne $hash) { throw '覆盖安装改动了 ledger.db' }
Write-Host "== 覆盖安装保留了数据文件夹 $dataDir"

# 4. the installed program opens the old ledger: backup first, then the upgrade, every record kept
$app = Start-Process -FilePath $exe -PassThru
$deadline = (Get-Date).AddSeconds(120)
$upgraded = $null
while ((Get-Date) -lt $deadline) {
  Start-Sleep -Seconds 3
  if ($app.HasExited) { throw "安装后的法治台账启动后退出了（退出码 $($app.ExitCode)）" }
  $backup = Get-ChildItem (Join-Path $dataDir 'backups') -Filter '*before-migrate*.db' -ErrorAction SilentlyContinue | Select-Object -First 1
  if ($backup) {
    $facts = Get-LedgerFacts $ledger
    if ($facts.schema -gt $before.schema) { $upgraded = $facts; break }
  }
}
& taskkill.exe /PID $app.Id /T /F | Out-Null
if (-not $upgraded) { throw '安装后的法治台账在 120 秒内没有备份并升级旧数据库' }
foreach ($t in 'activities', 'mediation_cases', 'inspections', 'work_items') {
  if ($upgraded.$t -ne $before.$t) { throw "升级后 $t 有 $($upgraded.$t) 条，升级前 $($before.$t) 条" }
}
$backupFacts = Get-LedgerFacts $backup.FullName
if ($backupFacts.schema -ne $before.schema) { throw "升级前备份的数据结构版本是 $($backupFacts.schema)，应为 $($before.schema)" }
Write-Host "== 安装后的程序把数据结构从 $($before.schema) 升级到 $($upgraded.schema)，记录数不变；升级前备份：$($backup.Name)"

# 5. uninstalling keeps the data
$uninstaller = Get-ChildItem $new.InstallLocation -Filter 'Uninstall*.exe' | Select-Object -First 1
Start-Process -FilePath $uninstaller.FullName -ArgumentList '/S', '/currentuser' -Wait | Out-Null
$deadline = (Get-Date).AddSeconds(60)
while ((Test-Path $exe) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 2 }
if (Test-Path $exe) { throw '卸载后程序文件还在' }
if (-not (Test-Path $ledger)) { throw '卸载删掉了台账数据库' }
Write-Host '== 卸载后数据文件夹仍在：通过'
