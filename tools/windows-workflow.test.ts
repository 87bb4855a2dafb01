import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
// js-yaml comes with electron-builder and ships no types; the workflow is plain YAML.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; shell?: string }
interface Job { 'runs-on': string | string[]; steps: Step[]; if?: string; needs?: string | string[]; defaults?: { run?: { shell?: string } }; 'timeout-minutes'?: number }
interface Workflow { name: string; on: Record<string, unknown>; jobs: Record<string, Job>; permissions?: Record<string, string> }

// GitHub's workflow JSON schema is not installed here (no copy in node_modules), so these are the structural checks
// that matter: what GitHub itself rejects (shape, `runs-on`, `steps` with `run` or `uses`) and what the Windows run
// must do for the issue. The first Windows run is then the only judge of the commands themselves.
const workflow = yaml.load(readFileSync(path.join(root, '.github/workflows/windows.yml'), 'utf8')) as Workflow;

describe('.github/workflows/windows.yml', () => {
  it('is a workflow GitHub accepts: triggers, read-only token, jobs with a runner and steps that run or use', () => {
    expect(workflow.name).toBe('windows');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job['runs-on'], id).toBeTruthy();
      expect(job['timeout-minutes'], id).toBeLessThanOrEqual(60);
      expect(job.steps.length, id).toBeGreaterThan(0);
      for (const step of job.steps) {
        expect(!!step.run !== !!step.uses, `${id}: ${step.name ?? step.uses} has exactly one of run/uses`).toBe(true);
        if (step.uses) expect(step.uses, 'actions pinned to a major version').toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
      if (job.needs) expect(Object.keys(workflow.jobs)).toEqual(expect.arrayContaining([job.needs].flat()));
    }
  });

  it('tests on windows-latest, builds both installers, installs each silently pre-seeded, launches, uninstalls', () => {
    const job = workflow.jobs.installers!;
    expect(job['runs-on']).toBe('windows-latest');
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    const order = [
      /^npm ci$/m,
      /vitest run --config vitest\.windows\.config\.ts/,
      /electron-builder --win --x64 --publish never/,
      /softhsm2-util\.exe --init-token/,
      /Tongban-Setup-\$v-x64\.exe.*'\/S', "\/SERVER=\$env:CI_SERVER", '\/PORTAL=sip', '\/D=/,
      /installed-app\.mjs .*--kind nsis/,
      /Uninstall 通办 Tongban\.exe' -ArgumentList '\/S'/,
      /msiexec -ArgumentList '\/i', "release\\Tongban-\$v-x64\.msi", '\/qn', "SERVER=\$env:CI_SERVER", 'PORTAL=beijing-sme'/,
      /installed-app\.mjs .*--kind msi/,
      /msiexec -ArgumentList '\/x'/,
    ];
    let at = 0;
    for (const step of order) {
      const found = runs.slice(at).search(step);
      expect(found, String(step)).toBeGreaterThanOrEqual(0);
      at += found;
    }
    // The names the workflow uses are the ones electron-builder.yml produces and the app reads.
    const builder = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(builder).toContain('artifactName: Tongban-Setup-${version}-x64.${ext}');
    expect(builder).toContain('artifactName: Tongban-${version}-x64.${ext}');
    expect(builder).toContain('productName: 通办 Tongban');
    expect(runs).toMatch(/reg add HKLM\\Software\\Policies\\Tongban \/v Pkcs11Modules \/t REG_MULTI_SZ/);
    for (const file of ['tests/windows/installed-app.mjs', 'vitest.windows.config.ts']) expect(existsSync(path.join(root, file)), file).toBe(true);
  });

  it('signs releases only on a runner with the token, failing when no certificate is configured', () => {
    const job = workflow.jobs.release!;
    expect(job.if).toMatch(/refs\/tags\/v/);
    expect(job['runs-on']).toEqual(['self-hosted', 'windows', 'code-signing']);
    const env = (job as unknown as { env: Record<string, string> }).env;
    expect(env.TONGBAN_SIGN_REQUIRED).toBe('1');
    // The PIN is a secret; nothing that signs is in the repository.
    expect(env.TONGBAN_SIGN_TOKEN_PIN).toBe('${{ secrets.TONGBAN_SIGN_TOKEN_PIN }}');
    expect(job.steps.map((s) => s.run ?? '').join('\n')).toMatch(/Get-AuthenticodeSignature/);
  });
});
