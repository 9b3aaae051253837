import { describe, expect, it } from 'vitest';
import { installCommand, missingPackages, SYSTEM_PACKAGES } from '../setup/system-packages.ts';

describe('the Debian packages the test suite needs', () => {
  it('lists exactly the packages whose proof file is missing', () => {
    const present = new Set(['/usr/bin/chromium', '/usr/sbin/nginx']);
    expect(missingPackages((f) => present.has(f))).toEqual(['fonts-noto-cjk', 'poppler-utils']);
    expect(missingPackages(() => true)).toEqual([]);
    expect(missingPackages(() => false)).toEqual(SYSTEM_PACKAGES.map((p) => p.pkg));
  });

  it('tells a non-root user the exact command to run', () => {
    expect(installCommand(['chromium', 'nginx'])).toBe('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium nginx');
  });
});
