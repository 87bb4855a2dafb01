export function addInstallRecord(xml: string): string;
export default function msiProjectCreated(projectFile: string): Promise<void>;
