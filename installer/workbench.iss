; Inno Setup 6 script: the workbench's Windows installer.
;
; Build (after `pyinstaller --noconfirm build.spec`, from the repository root):
;   iscc installer\workbench.iss
; -> dist\installer\workbench-setup-<version>.exe
;
; - Per-user install, no administrator rights: PrivilegesRequired=lowest puts {autopf} at
;   %LOCALAPPDATA%\Programs, so the program lands in %LOCALAPPDATA%\Programs\Workbench.
;   (An administrator may still install for all users with /ALLUSERS on the command line.)
; - The user's data (database, backups, attachments, settings, logs) is never beside the
;   program: the workbench keeps it in %LOCALAPPDATA%\Workbench (platformdirs). The
;   uninstaller removes only what it installed, so the data stays; the installer refuses
;   to install into that data folder.
; - Languages: Simplified Chinese first, English second; Setup picks by the Windows UI
;   language. ChineseSimplified.isl is an official Inno Setup translation since 6.5.0 and
;   ships in the compiler's Languages folder; the workflow installs a current Inno Setup
;   and checks that it is there. With an older compiler lacking it, this script still
;   builds, English only, and says so with a warning.
; - The version comes from the frozen workbench.exe, whose version resource build.spec
;   writes from workbench.__version__; /DAppVersion=... overrides it.
; - Keep in step with build.spec: the one folder dist\workbench with workbench.exe
;   (windowed, the shortcuts start it) and workbench-cli.exe (console) in it.

#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\workbench"
#endif
#define AppExe "workbench.exe"
#if !FileExists(AddBackslash(DistDir) + AppExe)
  #error dist\workbench\workbench.exe not found: run "pyinstaller --noconfirm build.spec" first
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(DistDir) + AppExe, "ProductVersion")
#endif
#define AppNumericVersion GetVersionNumbersString(AddBackslash(DistDir) + AppExe)
#define ChineseIsl CompilerPath + "Languages\ChineseSimplified.isl"
#if FileExists(ChineseIsl)
  #define HaveChinese
#else
  #pragma warning "ChineseSimplified.isl not found in " + CompilerPath + "Languages: building an English-only installer (use Inno Setup 6.5 or newer)"
#endif

[Setup]
; A fixed id: upgrades replace the same installation. Never change it.
AppId={{6D0F3B8E-2A4C-4E57-9B1D-7C5A3E9F0B21}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher={cm:Publisher}
AppComments={cm:AppComments}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName=Maintenance Workbench
VersionInfoDescription=Maintenance Workbench Setup
DefaultDirName={autopf}\Workbench
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=..\resources\icons\workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
OutputDir=..\dist\installer
OutputBaseFilename=workbench-setup-{#AppVersion}
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
; Code signing: the workflow passes /DSignToolName=signtool and /Ssigntool=... (signtool
; with the certificate) when it has one; ISCC then signs Setup and the uninstaller.
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif
; Files in use: offer to close a running workbench before replacing it. The GUI holds
; the named mutex below while it runs (workbench/ui/single_instance.py), so Setup sees it.
AppMutex=WorkbenchMaintenanceRunning
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
#ifdef HaveChinese
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AppName=Maintenance Workbench
english.Publisher=Capinfo Company Limited
english.AppComments=Devices, inspections, work orders and reports for the maintenance contract
english.DataKept=Your data was kept in:%n%n%1%n%nDelete that folder yourself only if you no longer need the database, its backups and the logs.
english.NotInDataFolder=This folder holds the workbench's data. Choose another folder for the program.
#ifdef HaveChinese
chinesesimplified.AppName=运维工作台
chinesesimplified.Publisher=首都信息发展股份有限公司
chinesesimplified.AppComments=运维合同的设备、巡检、工单与报表
chinesesimplified.DataKept=您的数据已保留在：%n%n%1%n%n只有在不再需要数据库、备份和日志时，才请自行删除该文件夹。
chinesesimplified.NotInDataFolder=该文件夹用于存放运维工作台的数据，请为程序选择其他文件夹。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files: stale Qt plugins or libraries of another version
; must not be loaded by the new one. Program files only; the data lives elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder of workbench.config.data_dir() on Windows (platformdirs, appauthor=False). }
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\Workbench');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and
     (CompareText(RemoveBackslashUnlessRoot(WizardDirValue()), DataDir()) = 0) then
  begin
    MsgBox(CustomMessage('NotInDataFolder'), mbError, MB_OK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir()]), mbInformation, MB_OK);
end;
