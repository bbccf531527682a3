// The built-in templates: every file of ../templates, bundled with the code
// (core reads no files). The only code that names a version; a test checks
// that this list is the folder's. A folder of one's own: sources/templates.ts.
import first from '../templates/2019.json';
import second from '../templates/2021.json';
import { templateSet, type Template } from './template';

// test/core/templates.test.ts holds the files to the schema, and so to the type.
export const builtInTemplates = templateSet([first, second] as unknown as Template[]);

/** What `--profile` and the `profile` setting accept: `auto`, or a version. */
export const PROFILE_CHOICES: readonly string[] = ['auto', ...builtInTemplates.versions];
