export function signtoolArgs(file: string, env?: NodeJS.ProcessEnv): string[] | null;
export default function sign(configuration: { path: string }, env?: NodeJS.ProcessEnv, run?: (file: string, args: string[], options: object) => unknown): Promise<void>;
