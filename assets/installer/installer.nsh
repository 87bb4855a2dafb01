; Tongban installer additions (electron-builder `nsis.include`).
; IT pre-seeds the portal server at install time:
;   Tongban-Setup-x.y.z-x64.exe /S /SERVER=https://one.sipac.gov.cn
; The value lands in <install dir>\resources\seed-settings.json, read by the desktop client when the clerk has
; not set a server themselves (src-main/services/seed-settings.ts). Group policy can instead place
; %ProgramData%\Tongban\settings.json, which wins.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVER=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    FileOpen $R2 "$INSTDIR\resources\seed-settings.json" w
    FileWrite $R2 '{"serverUrl":"$R1"}'
    FileClose $R2
  ${EndIf}
!macroend
