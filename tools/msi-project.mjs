// electron-builder msiProjectCreated hook (electron-builder.yml): adds to the generated WiX project what IT's
// deployment needs and electron-builder's template lacks (issue 19):
//   - the public properties SERVER and PORTAL, so `msiexec /i Tongban.msi /qn SERVER=https://… PORTAL=sip` (or a
//     GPO transform) pre-seeds the client; written to HKLM\SOFTWARE\Tongban, where src-main/services/seed-settings.ts
//     reads them. Remembered across upgrades: a new MSI deployed without them keeps what the last one was given.
//   - InstallKind=msi and InstallDir, by which the client knows IT deploys its updates (src-main/update/).
// HKLM\SOFTWARE is writable by administrators only, and Windows Installer removes the values with the product.
import { readFile, writeFile } from 'node:fs/promises';

/** Fixed component GUIDs: a component's GUID must never change between versions of the product. */
const COMPONENTS = {
  TongbanInstallRecord: '{E1604C68-1DBF-406C-8A6F-0485BE2220DD}',
  TongbanSeedServer: '{E5389167-620A-438F-85B9-A263D61EC91A}',
  TongbanSeedPortal: '{B3905373-9D38-4512-ACE9-937A939EF3C0}',
};
const KEY = 'SOFTWARE\\Tongban';

/** WiX's "remember property" pattern: the command line wins, else what the installed version recorded. */
function rememberedProperty(id, valueName) {
  return `    <Property Id="${id}" Secure="yes">
      <RegistrySearch Id="Tongban${id}Search" Root="HKLM" Key="${KEY}" Name="${valueName}" Type="raw"/>
    </Property>
    <CustomAction Id="Tongban${id}Save" Property="TONGBAN_CMDLINE_${id}" Value="[${id}]" Execute="firstSequence"/>
    <CustomAction Id="Tongban${id}Restore" Property="${id}" Value="[TONGBAN_CMDLINE_${id}]" Execute="firstSequence"/>`;
}
function sequence(ids) {
  const actions = ids.map((id) => `      <Custom Action="Tongban${id}Save" Before="AppSearch"/>\n      <Custom Action="Tongban${id}Restore" After="AppSearch">TONGBAN_CMDLINE_${id}</Custom>`).join('\n');
  return ['InstallUISequence', 'InstallExecuteSequence'].map((table) => `    <${table}>\n${actions}\n    </${table}>`).join('\n');
}
function seedComponent(name, property, valueName) {
  return `      <Component Id="${name}" Guid="${COMPONENTS[name]}">
        <Condition>${property}</Condition>
        <RegistryValue Root="HKLM" Key="${KEY}" Name="${valueName}" Type="string" Value="[${property}]" KeyPath="yes"/>
      </Component>`;
}

/** The project with the properties, the install record and their components added. */
export function addInstallRecord(xml) {
  if (!xml.includes('<ComponentGroupRef Id="ProductComponents"/>') || !xml.includes('</Product>')) throw new Error('msi-project: unexpected WiX template (electron-builder changed it?)');
  if (/<(InstallUISequence|InstallExecuteSequence)>/.test(xml)) throw new Error('msi-project: the template already has a sequence table; set msi.runAfterFinish to false');
  const additions = `
${rememberedProperty('SERVER', 'ServerUrl')}
${rememberedProperty('PORTAL', 'Portal')}
${sequence(['SERVER', 'PORTAL'])}
    <DirectoryRef Id="APPLICATIONFOLDER">
      <Component Id="TongbanInstallRecord" Guid="${COMPONENTS.TongbanInstallRecord}">
        <RegistryKey Root="HKLM" Key="${KEY}">
          <RegistryValue Name="InstallKind" Type="string" Value="msi" KeyPath="yes"/>
          <RegistryValue Name="InstallDir" Type="string" Value="[APPLICATIONFOLDER]"/>
        </RegistryKey>
      </Component>
${seedComponent('TongbanSeedServer', 'SERVER', 'ServerUrl')}
${seedComponent('TongbanSeedPortal', 'PORTAL', 'Portal')}
    </DirectoryRef>
  </Product>`;
  const refs = Object.keys(COMPONENTS).map((id) => `\n      <ComponentRef Id="${id}"/>`).join('');
  return xml.replace('<ComponentGroupRef Id="ProductComponents"/>', `<ComponentGroupRef Id="ProductComponents"/>${refs}`).replace(/\s*<\/Product>/, additions);
}

export default async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addInstallRecord(await readFile(projectFile, 'utf8')));
}
