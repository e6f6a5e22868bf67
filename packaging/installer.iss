; Inno Setup script: a per-user Windows installer for ictdesk (no administrator rights).
; Build on Windows after packaging/build.sh (or the same PyInstaller command) has produced
; build\dist\ictdesk:   iscc packaging\installer.iss   → build\installer\ictdesk-setup.exe

#define AppName "ictdesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6E7B2C1A-5D0F-4C1B-9B8E-1C2D3E4F5A60}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ictdesk
; Per-user install: no UAC prompt, everything under the user's own profile.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\build\installer
OutputBaseFilename=ictdesk-setup
SetupIconFile=..\resources\icons\ictdesk.ico
UninstallDisplayIcon={app}\ictdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\build\dist\ictdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\ictdesk.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\ictdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ictdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\ictdesk) is never touched by install or uninstall.
