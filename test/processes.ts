import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the GraphQL URL once a server process started by a test logs "Maillage ready" (it must
 * log at level info); rejects with what it printed when it exits first or after `timeoutMs`.
 */
export function whenReady(child: ChildProcess, timeoutMs: number): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Maillage ready"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
