/**
 * Vitest globalSetup: the Debian packages the tests run for real — Chromium (browser tests), Noto CJK
 * fonts (so Chinese renders in screenshots), poppler-utils (posters read back from PDF) and nginx (the
 * publishing test). As root it installs what is missing with apt-get; as anyone else it stops at once
 * with the exact command to run, instead of letting dozens of tests fail or skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each package and a file that proves it is installed. */
export const SYSTEM_PACKAGES: readonly { pkg: string; file: string }[] = [
  { pkg: 'chromium', file: '/usr/bin/chromium' },
  { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftoppm' },
  { pkg: 'nginx', file: '/usr/sbin/nginx' },
];

export function missingPackages(exists: (file: string) => boolean = existsSync): string[] {
  return SYSTEM_PACKAGES.filter((p) => !exists(p.file)).map((p) => p.pkg);
}

export function installCommand(pkgs: readonly string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

export default function setup(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `测试需要以下 Debian 软件包：${missing.join(' ')}。请先运行： / The tests need these Debian packages: ${missing.join(' ')}. Run:\n\n  ${installCommand(missing)}\n`,
    );
  }
  console.log(`安装测试所需的软件包 Installing test packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another process may hold the dpkg lock (unattended upgrades, a parallel checkout): wait for it.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  // Debian starts nginx as a service on install; the tests start their own on a loopback port.
  if (missing.includes('nginx'))
    spawnSync('sh', ['-c', 'command -v systemctl >/dev/null && systemctl disable --now nginx; test -f /run/nginx.pid && kill "$(cat /run/nginx.pid)"; true'], {
      stdio: 'ignore',
    });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`安装后仍缺少 Still missing after install: ${still.join(' ')}`);
}
