// An X server for the browsers that need a display (WebKitGTK has no headless
// mode): Xvfb picks a free display number itself and writes it to a pipe
// (-displayfd), so parallel runs never collide; stop() ends it by pid,
// escalating to SIGKILL (Xvfb can ignore SIGTERM while clients hang on).
import { spawn } from 'node:child_process';

export async function startXvfb({ width = 1400, height = 1400 } = {}) {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (b) => { stderr += b; });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    proc.stdio[3].on('data', (b) => {
      text += b;
      if (text.includes('\n')) resolve(':' + text.trim());
    });
    proc.once('error', (e) => reject(new Error(`Xvfb could not start (${e.message}): is the xvfb package installed?`)));
    proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming its display: ${stderr.trim()}`)));
  });
  return { display, pid: proc.pid, stop: () => stopProcess(proc) };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export function stopProcess(proc, graceMs = 2000) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ } }, graceMs);
    proc.once('exit', () => { clearTimeout(timer); resolve(); });
    try { process.kill(proc.pid, 'SIGTERM'); } catch { clearTimeout(timer); resolve(); }
  });
}
