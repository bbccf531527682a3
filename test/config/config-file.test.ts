// One reading of .xxgklintrc.json with its two behaviours: the command line
// stops on a bad file, the editor leaves it out with the same line as a warning.
import { describe, expect, it } from 'vitest';
import { ConfigError, lenientConfig, parseConfig, strictConfig } from '../../server/src/config/config-file';

describe('.xxgklintrc.json', () => {
  it('reads a good file the same way for both', () => {
    const f = parseConfig('\ufeff{"profile": "2021", "rules": {"balance": "warning"}}', 'a/.xxgklintrc.json');
    expect(f.error).toBeUndefined();
    expect(strictConfig(f)).toEqual({ profile: '2021', rules: { balance: 'warning' } });
    expect(lenientConfig(f, () => expect.fail('no warning'))).toEqual(strictConfig(f));
  });

  it('says what is wrong in one line: the command line stops, the editor warns and goes on', () => {
    for (const [raw, problem] of [
      ['{"rules": {"no-such-rule": "off"}}', /^a\/\.xxgklintrc\.json: unknown rule id "no-such-rule" in rules/],
      ['{"extends": "x"}', /^a\/\.xxgklintrc\.json: unknown key "extends"/],
      ['{"rules": {"balance": "loud"}}', /^a\/\.xxgklintrc\.json: rules\.balance must be one of/],
      ['{ not json', /^a\/\.xxgklintrc\.json: not valid JSON: .*line 1, column \d+/],
    ] as const) {
      const f = parseConfig(raw, 'a/.xxgklintrc.json');
      expect(f.error).toMatch(problem);
      expect(f.error).not.toContain('\n');
      expect(() => strictConfig(f)).toThrow(ConfigError);
      const warnings: string[] = [];
      expect(lenientConfig(f, (m) => warnings.push(m))).toEqual({});
      expect(warnings).toEqual([`ignoring ${f.error}`]);
    }
  });
});
