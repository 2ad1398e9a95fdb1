// Where the web host keeps its settings file: the user's config directory (XDG_CONFIG_HOME or
// ~/.config/wirebench on Linux, ~/Library/Preferences/wirebench on macOS, %APPDATA%\wirebench\Config
// on Windows), or WIREBENCH_CONFIG_DIR when set: tests and throwaway profiles point it at a
// temporary directory. The Electron app uses its own user data directory instead.
import envPaths from 'env-paths';

export const CONFIG_DIR_VAR = 'WIREBENCH_CONFIG_DIR';

export function webSettingsDir(env: NodeJS.ProcessEnv): string {
  const chosen = env[CONFIG_DIR_VAR];
  if (chosen) return chosen;
  // No "-nodejs" suffix: the directory is Wirebench's own, not a Node tool's beside an app's.
  return envPaths('wirebench', { suffix: '' }).config;
}
