; Inno Setup script: CGA Desk for Windows, from the PyInstaller bundle dist\cga-desk\ (see installer/WINDOWS.md).
;   iscc /DAppVersion=0.1.0 installer\cga-desk.iss      ->  dist\cga-desk-0.1.0-setup.exe
; Installs per machine into Program Files, with a Start-menu entry, an optional desktop icon and an
; uninstaller (Settings > Apps, or the Start-menu entry "Uninstall CGA Desk"). The uninstaller never
; touches the database: it lives in %LOCALAPPDATA%\cga-desk (or on the PostgreSQL server).

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z installer\cga-desk.iss
#endif

[Setup]
; A fixed AppId makes a new version upgrade the installed one in place. Never change it.
AppId={{5C0F6C2E-8B4A-4E59-9F3C-2D7A1C6B9E41}
AppName=CGA Desk
AppVersion={#AppVersion}
AppVerName=CGA Desk {#AppVersion}
AppPublisher=CGA Desk maintainers
DefaultDirName={autopf}\CGA Desk
DefaultGroupName=CGA Desk
DisableProgramGroupPage=yes
UninstallDisplayName=CGA Desk
UninstallDisplayIcon={app}\cga-desk.exe
SetupIconFile=..\build\icons\cga-desk.ico
OutputDir=..\dist
OutputBaseFilename=cga-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=yes

[Languages]
; The installer asks which language to use (Chinese on a Chinese Windows by default). Inno Setup ships
; ChineseSimplified.isl among its translations from 6.4 on; with an older Inno Setup, put the file from
; https://jrsoftware.org/files/istrans/ into its Languages folder (installer/WINDOWS.md).
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-dir bundle; files of an older version that are no longer shipped are removed first.
Source: "..\dist\cga-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\CGA Desk"; Filename: "{app}\cga-desk.exe"; Comment: "Geriatric assessment for haematology clinics"
Name: "{group}\CGA Desk self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\cga-desk-cli.exe"" --self-test"; WorkingDir: "{localappdata}"
Name: "{group}\Uninstall CGA Desk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\CGA Desk"; Filename: "{app}\cga-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\cga-desk.exe"; Description: "{cm:LaunchProgram,CGA Desk}"; Flags: nowait postinstall skipifsilent
