// The version printed by --version and written into SARIF, from package.json.
import { version } from '../../../package.json';

export const VERSION: string = version;
export const TOOL_NAME = 'xxgk-lint';
export const INFO_URI = 'https://github.com/xxgk-lint/xxgk-lint';
