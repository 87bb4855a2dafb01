; Tongban installer additions (electron-builder `nsis.include`; issue 19).
; IT pre-seeds the portal server and the portal at install time:
;   Tongban-Setup-x.y.z-x64.exe /S /SERVER=https://one.sipac.gov.cn /PORTAL=sip /D=C:\Program Files\Tongban
; (/D= last, without quotes, as NSIS requires.) The values land in <install dir>\resources\seed-settings.json, read
; by the desktop client when the clerk has not set a server themselves (src-main/services/seed-settings.ts), which
; also checks them: the installer takes any string, an unknown portal or a non-https server is ignored and logged.
; Group policy (assets/policy) or an administrators-only %ProgramData%\Tongban\settings.json win over this file.
;
; The uninstaller keeps each clerk's local store (drafts, settings, the outbox in %APPDATA%\通办 Tongban): an
; uninstall before a reinstall must not lose unsent applications. `Uninstall 通办 Tongban.exe /S /PURGE` also
; removes the data of the user running it.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  StrCpy $R3 ""
  ClearErrors
  ${GetOptions} $R0 "/SERVER=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    StrCpy $R3 '"serverUrl":"$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/PORTAL=" $R2
  ${IfNot} ${Errors}
  ${AndIf} $R2 != ""
    ${If} $R3 != ""
      StrCpy $R3 '$R3,'
    ${EndIf}
    StrCpy $R3 '$R3"portal":"$R2"'
  ${EndIf}
  ${If} $R3 != ""
    FileOpen $R4 "$INSTDIR\resources\seed-settings.json" w
    FileWrite $R4 '{$R3}'
    FileClose $R4
  ${EndIf}
!macroend

!macro customUnInstall
  ; An update run by electron-updater uninstalls the old version first: never purge then.
  ${IfNot} ${isUpdated}
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/PURGE" $R1
    ${IfNot} ${Errors}
      SetShellVarContext current
      RMDir /r "$APPDATA\${PRODUCT_NAME}"
      SetShellVarContext all
    ${EndIf}
  ${EndIf}
!macroend
