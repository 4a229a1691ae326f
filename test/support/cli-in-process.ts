import { buildProgram } from '../../apps/cli/src/main';

/**
 * `c2g <args>` in this process (no child to start): what it printed on stdout, or the error
 * message that the real entry point prints as `c2g: <message>` with exit code 2.
 */
export async function c2gInProcess(args: string[]): Promise<{ stdout: string; error?: string }> {
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true));
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'c2g', ...args]);
    return { stdout };
  } catch (error) {
    return { stdout, error: (error as Error).message };
  } finally {
    write.mockRestore();
  }
}
